package org.cogcube.tiff.codec;

import java.util.Arrays;

/**
 * Lookup tables for decoding the canonical Huffman codes of a deflate block (RFC 1951, 3.2.2).
 *
 * <p>Deflate packs codes into bytes from the least significant bit on, so the next {@code rootBits}
 * bits of the input, read as a little-endian number, index the <b>root table</b> directly. A code
 * no longer than {@code rootBits} fills every root entry whose low bits are its bits, reversed; a
 * longer code's root entry <b>links</b> to a sub-table indexed by the bits that follow.
 *
 * <p>Every entry is one {@code int}:
 * <ul>
 *   <li>bits 0-7: how many input bits this lookup consumes: the code length and the extra bits
 *       that follow it, or the root bits for a link (in a sub-table, the code length counts from
 *       the end of the root bits);</li>
 *   <li>bits 8-23: the value: a literal byte, a base length or distance, or where a sub-table
 *       starts;</li>
 *   <li>bits 24-27: how many extra bits follow the code, or a sub-table's index bits;</li>
 *   <li>bits 28-31: the kind, one of {@link #LITERAL} (the sign bit, so that the commonest test
 *       is {@code entry < 0}), {@link #END}, {@link #LINK} and {@link #INVALID}; none of them
 *       means a length or distance.</li>
 * </ul>
 * Because the consumed bits sit in the low byte, and a {@code long} shift uses only the low six
 * bits of its count, {@code bits >>>= entry} drops the code and its extra bits from a bit buffer
 * in one step; the extra bits are read from the buffer as it was, in parallel.
 */
final class HuffmanTable {
    static final int LITERAL = 0x8000_0000;
    static final int END = 0x4000_0000;
    static final int LINK = 0x2000_0000;
    static final int INVALID = 0x1000_0000;

    /** Root bits and sizes of the three tables; sub-tables hold at most 2^(15 - root) entries per long code. */
    static final int LITLEN_ROOT = 11;
    static final int DIST_ROOT = 8;
    static final int CODELEN_ROOT = 7;
    static final int LITLEN_SIZE = (1 << LITLEN_ROOT) + 286 * (1 << (15 - LITLEN_ROOT));
    static final int DIST_SIZE = (1 << DIST_ROOT) + 30 * (1 << (15 - DIST_ROOT));
    static final int CODELEN_SIZE = 1 << CODELEN_ROOT;

    /** The entry of each literal/length symbol, counting only its extra bits; 286 and 287 are invalid. */
    static final int[] LITLEN_SYMBOLS = new int[288];
    /** The entry of each distance symbol, counting only its extra bits; 30 and 31 are invalid. */
    static final int[] DIST_SYMBOLS = new int[32];
    /** The entry of each code length symbol: its value. */
    static final int[] CODELEN_SYMBOLS = new int[19];

    static {
        for (int s = 0; s < 256; s++) {
            LITLEN_SYMBOLS[s] = LITERAL | s << 8;
        }
        LITLEN_SYMBOLS[256] = END;
        int length = 3;
        for (int s = 257; s < 286; s++) {
            int extra = s < 265 || s == 285 ? 0 : (s - 261) / 4;
            int base = s == 285 ? 258 : length;
            LITLEN_SYMBOLS[s] = extra << 24 | base << 8 | extra;
            length += 1 << extra;
        }
        LITLEN_SYMBOLS[286] = INVALID;
        LITLEN_SYMBOLS[287] = INVALID;
        int distance = 1;
        for (int s = 0; s < 30; s++) {
            int extra = s < 4 ? 0 : s / 2 - 1;
            DIST_SYMBOLS[s] = extra << 24 | distance << 8 | extra;
            distance += 1 << extra;
        }
        DIST_SYMBOLS[30] = INVALID;
        DIST_SYMBOLS[31] = INVALID;
        for (int s = 0; s < 19; s++) {
            CODELEN_SYMBOLS[s] = s << 8;
        }
    }

    /** Which codes a table accepts besides complete ones; RFC 1951 leaves this open, zlib decides it so. */
    enum Kind {
        /** The code length code: must be complete (or empty, then nothing decodes). */
        CODE_LENGTHS("code length"),
        /** Literal/length and distance codes: may also be a lone code of one bit, or empty. */
        SYMBOLS("literal/length"),
        DISTANCES("distance");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    /** Per-decoder scratch space for {@link #build}. */
    static final class Scratch {
        final int[] count = new int[16];
        final int[] left = new int[16];
        final int[] offset = new int[16];
        final int[] sorted = new int[288];
    }

    private HuffmanTable() {
    }

    /**
     * Fills {@code table} for the code whose lengths are {@code lengths[from, from+n)}.
     *
     * @throws IllegalStateException (as {@link ZlibDecoder.Corrupt}) naming the flaw: an
     *     over-subscribed code, or an incomplete one the kind does not allow
     */
    static void build(int[] table, int rootBits, int[] lengths, int from, int n, int[] symbols, Kind kind,
            Scratch scratch) {
        int[] count = scratch.count;
        Arrays.fill(count, 0);
        for (int i = from; i < from + n; i++) {
            count[lengths[i]]++;
        }
        count[0] = 0;
        int unused = 1;
        int maxLength = 0;
        for (int len = 1; len <= 15; len++) {
            unused = (unused << 1) - count[len];
            if (unused < 0) {
                throw new ZlibDecoder.Corrupt("over-subscribed " + kind.what + " code");
            }
            if (count[len] != 0) {
                maxLength = len;
            }
        }
        if (unused > 0) {
            if (maxLength == 0 || maxLength == 1 && kind != Kind.CODE_LENGTHS) {
                // Empty, or one code of one bit: what is left decodes to nothing valid.
                Arrays.fill(table, 0, 1 << rootBits, INVALID);
            } else {
                throw new ZlibDecoder.Corrupt("incomplete " + kind.what + " code");
            }
        }

        int[] offset = scratch.offset;
        int[] sorted = scratch.sorted;
        offset[1] = 0;
        for (int len = 1; len < 15; len++) {
            offset[len + 1] = offset[len] + count[len];
        }
        for (int s = 0; s < n; s++) {
            int len = lengths[from + s];
            if (len != 0) {
                sorted[offset[len]++] = s;
            }
        }

        int[] left = scratch.left;
        System.arraycopy(count, 0, left, 0, 16);
        int rootSize = 1 << rootBits;
        int code = 0;
        int i = 0;
        int subStart = rootSize;
        int subBits = 0;
        int subPrefix = -1;
        for (int len = 1; len <= maxLength; len++) {
            for (int k = count[len]; k > 0; k--) {
                int s = sorted[i++];
                int reversed = Integer.reverse(code) >>> (32 - len);
                if (len <= rootBits) {
                    int entry = symbols[s] + len;
                    for (int j = reversed; j < rootSize; j += 1 << len) {
                        table[j] = entry;
                    }
                } else {
                    int prefix = reversed & (rootSize - 1);
                    if (prefix != subPrefix) {
                        subStart += subPrefix < 0 ? 0 : 1 << subBits;
                        subBits = subTableBits(left, len, rootBits, maxLength);
                        subPrefix = prefix;
                        table[prefix] = LINK | subBits << 24 | subStart << 8 | rootBits;
                    }
                    int entry = symbols[s] + len - rootBits;
                    for (int j = reversed >>> rootBits; j < 1 << subBits; j += 1 << (len - rootBits)) {
                        table[subStart + j] = entry;
                    }
                }
                left[len]--;
                code++;
            }
            code <<= 1;
        }
    }

    /**
     * How many index bits the sub-table needs that starts with a code of {@code len} bits: enough
     * that the codes still to place (counted in {@code left}) fill it.
     */
    private static int subTableBits(int[] left, int len, int rootBits, int maxLength) {
        int bits = len - rootBits;
        int free = 1 << bits;
        while (bits + rootBits < maxLength) {
            free -= left[bits + rootBits];
            if (free <= 0) {
                break;
            }
            bits++;
            free <<= 1;
        }
        return bits;
    }
}
