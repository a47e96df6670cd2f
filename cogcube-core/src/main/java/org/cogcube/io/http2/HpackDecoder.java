package org.cogcube.io.http2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes header blocks (RFC 7541): indexed fields, literals with or without indexing or never
 * indexed, dynamic table size updates, integers with an N-bit prefix and strings, Huffman-coded or
 * not. One decoder per connection: blocks must be decoded in the order they arrive, as each may
 * change the dynamic table the next one refers to.
 */
final class HpackDecoder {
    private final HeaderTable table;
    private final int maxTableSize;
    private final int maxListSize;

    /**
     * @param maxTableSize the table size this side allowed (SETTINGS_HEADER_TABLE_SIZE)
     * @param maxListSize the largest decoded header list accepted, counted as RFC 9113 counts
     *     SETTINGS_MAX_HEADER_LIST_SIZE
     */
    HpackDecoder(int maxTableSize, int maxListSize) {
        this.table = new HeaderTable(maxTableSize);
        this.maxTableSize = maxTableSize;
        this.maxListSize = maxListSize;
    }

    /** The fields of one complete header block, in order. */
    List<HeaderField> decode(byte[] block) {
        Reader in = new Reader(block);
        List<HeaderField> fields = new ArrayList<>();
        long listSize = 0;
        while (in.more()) {
            int b = in.peek();
            HeaderField field;
            if ((b & 0x80) != 0) {
                int index = in.integer(7);
                if (index == 0) {
                    throw new HpackException("expected an indexed field with an index of 1 or more, found 0");
                }
                field = table.get(index);
            } else if ((b & 0xc0) == 0x40) {
                field = literal(in, 6);
                table.add(field);
            } else if ((b & 0xe0) == 0x20) {
                if (!fields.isEmpty()) {
                    throw new HpackException("expected a dynamic table size update only at the start of a header"
                            + " block, found one after " + fields.size() + " fields");
                }
                int size = in.integer(5);
                if (size > maxTableSize) {
                    throw new HpackException("expected a dynamic table size of at most " + maxTableSize
                            + " (SETTINGS_HEADER_TABLE_SIZE), found " + size);
                }
                table.resize(size);
                continue;
            } else {
                field = literal(in, 4); // 0000 without indexing, 0001 never indexed
            }
            listSize += field.size();
            if (listSize > maxListSize) {
                throw new HpackException("expected a header list of at most " + maxListSize + " bytes, found more");
            }
            fields.add(field);
        }
        return fields;
    }

    /** The dynamic table, for tests. */
    HeaderTable table() {
        return table;
    }

    private HeaderField literal(Reader in, int prefix) {
        int index = in.integer(prefix);
        String name = index == 0 ? in.string() : table.get(index).name();
        return new HeaderField(name, in.string());
    }

    /** A cursor over one header block. */
    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        boolean more() {
            return at < data.length;
        }

        int peek() {
            return data[at] & 0xff;
        }

        private int next() {
            if (at >= data.length) {
                throw new HpackException("expected more bytes, found the end of the header block at byte " + at);
            }
            return data[at++] & 0xff;
        }

        /** An integer with an N-bit prefix (RFC 7541, section 5.1), at most 2^31 - 1. */
        int integer(int prefix) {
            int max = (1 << prefix) - 1;
            int value = next() & max;
            if (value < max) {
                return value;
            }
            long total = max;
            for (int shift = 0; ; shift += 7) {
                int b = next();
                total += (long) (b & 0x7f) << shift;
                if (total > Integer.MAX_VALUE || shift > 28) {
                    throw new HpackException("expected an integer of at most " + Integer.MAX_VALUE
                            + ", found a larger one ending at byte " + at);
                }
                if ((b & 0x80) == 0) {
                    return (int) total;
                }
            }
        }

        /** A string literal (RFC 7541, section 5.2). */
        String string() {
            boolean huffman = (peek() & 0x80) != 0;
            int length = integer(7);
            if (length > data.length - at) {
                throw new HpackException("expected a string of " + length + " bytes, found " + (data.length - at)
                        + " left in the header block");
            }
            byte[] octets = huffman ? Huffman.decode(data, at, length)
                    : java.util.Arrays.copyOfRange(data, at, at + length);
            at += length;
            return new String(octets, StandardCharsets.ISO_8859_1);
        }
    }
}
