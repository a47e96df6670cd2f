package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.LzwCodec.CLEAR;
import static org.cogcube.tiff.codec.LzwCodec.EOI;
import static org.cogcube.tiff.codec.LzwCodec.FIRST_FREE;
import static org.cogcube.tiff.codec.LzwCodec.MIN_BITS;

import java.util.Arrays;

/**
 * Encodes TIFF LZW the way libtiff does, so that libtiff (and GDAL) read it back without
 * warnings: a Clear first, codes most significant bit first, the width growing when the table
 * reaches 511, 1023 and 2047 entries, a Clear (and a fresh table) when it reaches 4094 entries,
 * and an EOI at the end written with the width the decoder will then expect.
 *
 * <p>The table is an open-addressing hash in one {@code int[]}: each slot holds the string's key
 * (the code of its prefix and its last byte, 20 bits) above its code (12 bits), or 0 when empty
 * (no string of two or more bytes ever has code 0).
 */
final class LzwEncoder {
    /** libtiff starts a new table when the next free code would be 4094. */
    private static final int TABLE_FULL = 4094;
    private static final int HASH_BITS = 14;
    private static final int HASH_MASK = (1 << HASH_BITS) - 1;

    private LzwEncoder() {
    }

    static byte[] encode(byte[] src, int off, int len) {
        // At most one code of at most 12 bits per input byte, plus the Clears, the EOI and a flush.
        byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 16, (len + len / 3000L + 4) * 3 / 2 + 8)];
        int[] table = new int[1 << HASH_BITS];
        int op = 0;
        long bits = CLEAR;
        int bitCount = MIN_BITS;
        int width = MIN_BITS;
        int maxCode = (1 << width) - 1;
        int next = FIRST_FREE;
        int end = off + len;
        if (len > 0) {
            int prefix = src[off] & 0xff;
            for (int i = off + 1; i < end; i++) {
                int b = src[i] & 0xff;
                int key = (prefix << 8) | b;
                int slot = (key * 0x9E3779B1) >>> (32 - HASH_BITS);
                int entry;
                while ((entry = table[slot]) != 0 && (entry >>> 12) != key) {
                    slot = (slot + 1) & HASH_MASK;
                }
                if (entry != 0) {
                    prefix = entry & 0xfff;
                    continue;
                }
                bits = (bits << width) | prefix;
                bitCount += width;
                if (bitCount >= 32) {
                    bitCount -= 32;
                    int word = (int) (bits >>> bitCount);
                    out[op] = (byte) (word >>> 24);
                    out[op + 1] = (byte) (word >>> 16);
                    out[op + 2] = (byte) (word >>> 8);
                    out[op + 3] = (byte) word;
                    op += 4;
                }
                table[slot] = (key << 12) | next;
                next++;
                if (next == TABLE_FULL) {
                    bits = (bits << width) | CLEAR;
                    bitCount += width;
                    Arrays.fill(table, 0);
                    next = FIRST_FREE;
                    width = MIN_BITS;
                    maxCode = (1 << width) - 1;
                } else if (next > maxCode) {
                    width++;
                    maxCode = (1 << width) - 1;
                }
                prefix = b;
            }
            op = flushBytes(out, op, bits, bitCount);
            bitCount &= 7;
            bits = (bits << width) | prefix;
            bitCount += width;
            // The decoder adds a table entry on reading this last code, and may widen before EOI.
            next++;
            if (next == TABLE_FULL) {
                bits = (bits << width) | CLEAR;
                bitCount += width;
                width = MIN_BITS;
            } else if (next > maxCode) {
                width++;
            }
        }
        op = flushBytes(out, op, bits, bitCount);
        bitCount &= 7;
        bits = (bits << width) | EOI;
        bitCount += width;
        op = flushBytes(out, op, bits, bitCount);
        bitCount &= 7;
        if (bitCount > 0) {
            out[op++] = (byte) (bits << (8 - bitCount));
        }
        return Arrays.copyOf(out, op);
    }

    /** Writes the whole bytes among the {@code bitCount} low bits of {@code bits}; returns the new output position. */
    private static int flushBytes(byte[] out, int op, long bits, int bitCount) {
        while (bitCount >= 8) {
            bitCount -= 8;
            out[op++] = (byte) (bits >>> bitCount);
        }
        return op;
    }
}
