package org.cogcube.io.http2;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes header blocks for requests without touching the dynamic table: every field is a literal
 * without indexing (RFC 7541, section 6.2.2), its name taken from the static table when it is
 * there, each string Huffman-coded when that is shorter. Being stateless, it needs no lock and
 * never has to follow the peer's SETTINGS_HEADER_TABLE_SIZE.
 */
final class HpackEncoder {
    private HpackEncoder() {
    }

    /** {@code fields} as a header block, strings Huffman-coded where shorter. */
    static byte[] encode(List<HeaderField> fields) {
        return encode(fields, true);
    }

    /** {@code fields} as a header block; with {@code huffman} false, every string is sent as it is. */
    static byte[] encode(List<HeaderField> fields, boolean huffman) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderField field : fields) {
            int index = HeaderTable.staticIndexOfName(field.name());
            integer(out, 0x00, 4, index);
            if (index == 0) {
                string(out, field.name(), huffman);
            }
            string(out, field.value(), huffman);
        }
        return out.toByteArray();
    }

    /** {@code value} with an N-bit prefix, the bits above the prefix in the first byte being {@code flags}. */
    static void integer(ByteArrayOutputStream out, int flags, int prefix, int value) {
        int max = (1 << prefix) - 1;
        if (value < max) {
            out.write(flags | value);
            return;
        }
        out.write(flags | max);
        int rest = value - max;
        while (rest >= 0x80) {
            out.write((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    static void string(ByteArrayOutputStream out, String text, boolean huffman) {
        byte[] octets = HeaderField.octets(text);
        if (huffman && Huffman.encodedLength(octets) < octets.length) {
            byte[] coded = Huffman.encode(octets);
            integer(out, 0x80, 7, coded.length);
            out.writeBytes(coded);
        } else {
            integer(out, 0x00, 7, octets.length);
            out.writeBytes(octets);
        }
    }
}
