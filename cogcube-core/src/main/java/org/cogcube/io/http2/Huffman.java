package org.cogcube.io.http2;

import java.io.ByteArrayOutputStream;

/**
 * The static Huffman code of HPACK (RFC 7541, Appendix B) for string literals. The code is
 * canonical: codes of one length are consecutive, in symbol order, and shorter codes come first,
 * so the table is kept as the length of each symbol's code and the codes are derived from it.
 */
final class Huffman {
    /** The end-of-string symbol, which must never appear in a string. */
    static final int EOS = 256;

    /** The code length in bits of each symbol 0..255 and of EOS (256), from RFC 7541 Appendix B. */
    private static final byte[] LENGTHS = {
            13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
            28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
            6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
            5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
            13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
            7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
            15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
            6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
            20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
            24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
            22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
            21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
            26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
            19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
            20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
            26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
            30,
    };

    private static final int[] CODES = new int[LENGTHS.length];
    /** The decoding tree: child {@code 2 * node + bit}, a leaf written as {@code -1 - symbol}. */
    private static final int[] TREE;

    static {
        Integer[] order = new Integer[LENGTHS.length];
        for (int s = 0; s < order.length; s++) {
            order[s] = s;
        }
        java.util.Arrays.sort(order, (a, b) -> LENGTHS[a] != LENGTHS[b] ? LENGTHS[a] - LENGTHS[b] : a - b);
        int code = 0;
        int previous = LENGTHS[order[0]];
        for (int i = 0; i < order.length; i++) {
            int length = LENGTHS[order[i]];
            if (i > 0) {
                code = (code + 1) << (length - previous);
            }
            previous = length;
            CODES[order[i]] = code;
        }
        TREE = new int[2 * LENGTHS.length]; // a full tree with 257 leaves has 256 inner nodes
        int nodes = 1;
        for (int symbol = 0; symbol < LENGTHS.length; symbol++) {
            int node = 0;
            for (int bit = LENGTHS[symbol] - 1; bit > 0; bit--) {
                int slot = 2 * node + ((CODES[symbol] >>> bit) & 1);
                if (TREE[slot] == 0) {
                    TREE[slot] = nodes++;
                }
                node = TREE[slot];
            }
            TREE[2 * node + (CODES[symbol] & 1)] = -1 - symbol;
        }
    }

    private Huffman() {
    }

    /** The code of {@code symbol}, aligned to the least significant bit. */
    static int code(int symbol) {
        return CODES[symbol];
    }

    /** The length in bits of the code of {@code symbol}. */
    static int length(int symbol) {
        return LENGTHS[symbol];
    }

    /** How many bytes {@code data} takes once encoded, padding included. */
    static int encodedLength(byte[] data) {
        long bits = 0;
        for (byte b : data) {
            bits += LENGTHS[b & 0xff];
        }
        return (int) ((bits + 7) / 8);
    }

    /** {@code data} encoded, padded with the most significant bits of EOS (ones). */
    static byte[] encode(byte[] data) {
        byte[] out = new byte[encodedLength(data)];
        long pending = 0;
        int count = 0;
        int at = 0;
        for (byte b : data) {
            int symbol = b & 0xff;
            pending = (pending << LENGTHS[symbol]) | CODES[symbol];
            count += LENGTHS[symbol];
            while (count >= 8) {
                count -= 8;
                out[at++] = (byte) (pending >>> count);
            }
        }
        if (count > 0) {
            out[at] = (byte) ((pending << (8 - count)) | (0xff >>> count));
        }
        return out;
    }

    /**
     * Decodes {@code length} bytes of {@code src} from {@code offset}.
     *
     * @throws HpackException when the data holds EOS, or ends with padding longer than 7 bits or
     *     other than the start of EOS (RFC 7541, section 5.2)
     */
    static byte[] decode(byte[] src, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 8 / 5 + 1);
        int node = 0;
        int bitsSinceSymbol = 0;
        boolean onlyOnes = true;
        for (int i = offset; i < offset + length; i++) {
            int b = src[i] & 0xff;
            for (int bit = 7; bit >= 0; bit--) {
                int one = (b >>> bit) & 1;
                int next = TREE[2 * node + one];
                bitsSinceSymbol++;
                onlyOnes &= one == 1;
                if (next < 0) {
                    int symbol = -1 - next;
                    if (symbol == EOS) {
                        throw new HpackException("expected no EOS symbol inside a Huffman-coded string, found one at"
                                + " byte " + (i - offset) + " of " + length);
                    }
                    out.write(symbol);
                    node = 0;
                    bitsSinceSymbol = 0;
                    onlyOnes = true;
                } else {
                    node = next;
                }
            }
        }
        if (bitsSinceSymbol > 7 || !onlyOnes) {
            throw new HpackException("expected a Huffman-coded string to end with at most 7 bits of padding"
                    + " made of ones, found " + bitsSinceSymbol + " trailing bits" + (onlyOnes ? "" : " with a zero"));
        }
        return out.toByteArray();
    }
}
