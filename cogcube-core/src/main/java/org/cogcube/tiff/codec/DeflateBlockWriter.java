package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.DeflateSymbols.DIST_BASE;
import static org.cogcube.tiff.codec.DeflateSymbols.DIST_EXTRA;
import static org.cogcube.tiff.codec.DeflateSymbols.DIST_SYMBOLS;
import static org.cogcube.tiff.codec.DeflateSymbols.END_OF_BLOCK;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_BASE;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_EXTRA;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_SLOT;
import static org.cogcube.tiff.codec.DeflateSymbols.LITLEN_SYMBOLS;

import java.util.Arrays;

/**
 * Writes one deflate block (RFC 1951, 3.2.3) of parsed items in whichever of its three forms is
 * smallest: dynamic Huffman codes built for the block, the fixed codes, or stored bytes. The
 * block is given as its bytes and its matches, two ints each: how many literals come before the
 * match, then {@code distanceSymbol << 25 | length << 16 | distance}.
 */
final class DeflateBlockWriter {
    /** The order in which the code-length code's lengths are sent (RFC 1951, 3.2.7). */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final byte[] FIXED_LITLEN_LENGTHS = new byte[288];
    private static final int[] FIXED_LITLEN_CODES = new int[288];
    private static final byte[] FIXED_DIST_LENGTHS = new byte[32];
    private static final int[] FIXED_DIST_CODES = new int[32];
    private static final SymbolTable FIXED = new SymbolTable();
    private static final int MAX_STORED = 65535;

    static {
        Arrays.fill(FIXED_LITLEN_LENGTHS, 0, 144, (byte) 8);
        Arrays.fill(FIXED_LITLEN_LENGTHS, 144, 256, (byte) 9);
        Arrays.fill(FIXED_LITLEN_LENGTHS, 256, 280, (byte) 7);
        Arrays.fill(FIXED_LITLEN_LENGTHS, 280, 288, (byte) 8);
        HuffmanCodeBuilder.codes(FIXED_LITLEN_LENGTHS, 288, FIXED_LITLEN_CODES);
        Arrays.fill(FIXED_DIST_LENGTHS, (byte) 5);
        HuffmanCodeBuilder.codes(FIXED_DIST_LENGTHS, 32, FIXED_DIST_CODES);
        FIXED.fill(FIXED_LITLEN_CODES, FIXED_LITLEN_LENGTHS, FIXED_DIST_CODES, FIXED_DIST_LENGTHS);
    }

    private final HuffmanCodeBuilder builder = new HuffmanCodeBuilder();
    /** The literal/length and distance code lengths of the last dynamic block: a guide to the next one's costs. */
    final byte[] litLengths = new byte[LITLEN_SYMBOLS];
    final byte[] distLengths = new byte[DIST_SYMBOLS];
    private final int[] litCodes = new int[LITLEN_SYMBOLS];
    private final int[] distCodes = new int[DIST_SYMBOLS];
    private final SymbolTable dynamic = new SymbolTable();
    /** The run-length coded code lengths: symbol (0 to 18) in the low 5 bits, repeat bits above. */
    private final int[] lengthItems = new int[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final byte[] allLengths = new byte[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final int[] lengthFreq = new int[19];
    private final byte[] lengthLengths = new byte[19];
    private final int[] lengthCodes = new int[19];
    private int lengthItemCount;
    private int hlit;
    private int hdist;
    private int hclen;

    /**
     * Writes the block of {@code src[from, to)} with the {@code n} matches in {@code matches}, and the
     * given symbol frequencies (the end-of-block symbol is counted here); {@code last} marks the
     * stream's final block.
     */
    void write(BitOutput out, int[] matches, int n, int[] litFreq, int[] distFreq, byte[] src, int from, int to,
            boolean last) {
        litFreq[END_OF_BLOCK]++;
        builder.lengths(litFreq, LITLEN_SYMBOLS, 15, litLengths);
        builder.lengths(distFreq, DIST_SYMBOLS, 15, distLengths);
        long dynamicBits = 3 + headerBits() + dataBits(litFreq, distFreq, litLengths, distLengths);
        long fixedBits = 3 + dataBits(litFreq, distFreq, FIXED_LITLEN_LENGTHS, FIXED_DIST_LENGTHS);
        long storedBits = storedBits(to - from);
        int finalBit = last ? 1 : 0;
        if (storedBits < Math.min(dynamicBits, fixedBits)) {
            out.reserve(storedBits / 8 + 8);
            writeStored(out, src, from, to, finalBit);
        } else if (fixedBits <= dynamicBits) {
            out.reserve(fixedBits / 8 + 8);
            out.put(finalBit | 1 << 1, 3);
            writeSymbols(out, matches, n, src, from, to, FIXED);
        } else {
            out.reserve(dynamicBits / 8 + 8);
            out.put(finalBit | 2 << 1, 3);
            writeHeader(out);
            HuffmanCodeBuilder.codes(litLengths, LITLEN_SYMBOLS, litCodes);
            HuffmanCodeBuilder.codes(distLengths, DIST_SYMBOLS, distCodes);
            dynamic.fill(litCodes, litLengths, distCodes, distLengths);
            writeSymbols(out, matches, n, src, from, to, dynamic);
        }
    }

    private static long dataBits(int[] litFreq, int[] distFreq, byte[] litLens, byte[] distLens) {
        long bits = 0;
        for (int s = 0; s < LITLEN_SYMBOLS; s++) {
            bits += (long) litFreq[s] * (litLens[s] + (s > END_OF_BLOCK ? LENGTH_EXTRA[s - 257] : 0));
        }
        for (int s = 0; s < DIST_SYMBOLS; s++) {
            bits += (long) distFreq[s] * (distLens[s] + DIST_EXTRA[s]);
        }
        return bits;
    }

    private static long storedBits(int bytes) {
        int chunks = Math.max(1, (bytes + MAX_STORED - 1) / MAX_STORED);
        return 8L * bytes + chunks * (3L + 7 + 32);
    }

    private static void writeStored(BitOutput out, byte[] src, int from, int to, int finalBit) {
        int p = from;
        do {
            int len = Math.min(MAX_STORED, to - p);
            out.put(p + len == to ? finalBit : 0, 3);
            out.alignToByte();
            out.put(len | (~len & 0xFFFF) << 16, 32);
            out.putBytes(src, p, len);
            p += len;
        } while (p < to);
    }

    /** Run-length codes the code lengths (RFC 1951, 3.2.7), builds their code, and returns the header's size. */
    private long headerBits() {
        hlit = LITLEN_SYMBOLS;
        while (hlit > 257 && litLengths[hlit - 1] == 0) {
            hlit--;
        }
        hdist = DIST_SYMBOLS;
        while (hdist > 1 && distLengths[hdist - 1] == 0) {
            hdist--;
        }
        System.arraycopy(litLengths, 0, allLengths, 0, hlit);
        System.arraycopy(distLengths, 0, allLengths, hlit, hdist);
        runLengthCode(hlit + hdist);
        builder.lengths(lengthFreq, 19, 7, lengthLengths);
        hclen = 19;
        while (hclen > 4 && lengthLengths[CODE_LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        long bits = 5 + 5 + 4 + 3L * hclen;
        for (int s = 0; s < 19; s++) {
            bits += (long) lengthFreq[s] * lengthLengths[s];
        }
        return bits + 2L * lengthFreq[16] + 3L * lengthFreq[17] + 7L * lengthFreq[18];
    }

    private void runLengthCode(int total) {
        Arrays.fill(lengthFreq, 0);
        lengthItemCount = 0;
        int i = 0;
        while (i < total) {
            int len = allLengths[i];
            int run = 1;
            while (i + run < total && allLengths[i + run] == len) {
                run++;
            }
            i += run;
            if (len == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    item(18, r - 11);
                    run -= r;
                }
                if (run >= 3) {
                    item(17, run - 3);
                    run = 0;
                }
            } else {
                item(len, 0);
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    item(16, r - 3);
                    run -= r;
                }
            }
            for (; run > 0; run--) {
                item(len, 0);
            }
        }
    }

    private void item(int symbol, int repeat) {
        lengthItems[lengthItemCount++] = symbol | repeat << 5;
        lengthFreq[symbol]++;
    }

    private void writeHeader(BitOutput out) {
        HuffmanCodeBuilder.codes(lengthLengths, 19, lengthCodes);
        out.put(hlit - 257, 5);
        out.put(hdist - 1, 5);
        out.put(hclen - 4, 4);
        for (int k = 0; k < hclen; k++) {
            out.put(lengthLengths[CODE_LENGTH_ORDER[k]], 3);
        }
        for (int k = 0; k < lengthItemCount; k++) {
            int s = lengthItems[k] & 31;
            out.put(lengthCodes[s], lengthLengths[s]);
            switch (s) {
                case 16 -> out.put(lengthItems[k] >>> 5, 2);
                case 17 -> out.put(lengthItems[k] >>> 5, 3);
                case 18 -> out.put(lengthItems[k] >>> 5, 7);
                default -> { }
            }
        }
    }

    /**
     * The block's literals, matches and end-of-block symbol. The output's state is kept in locals,
     * and whole bytes are stored eight at a time, without a test, after every three literals (at
     * most 45 bits), after the last literals before a match and after a match (at most 48 bits: 15
     * and 5 for its length, 15 and 13 for its distance), each of which fits in the 56 bits above
     * the fewer than 8 left over.
     */
    private static void writeSymbols(BitOutput out, int[] matches, int n, byte[] src, int from, int to,
            SymbolTable table) {
        int[] lit = table.literal;
        int[] len = table.length;
        int[] dist = table.distance;
        byte[] buf = out.buf;
        int op = out.pos;
        long acc = out.acc;
        int count = out.count;
        BitOutput.LONGS.set(buf, op, acc);
        op += count >>> 3;
        acc >>>= count & ~7;
        count &= 7;
        int p = from;
        for (int k = 0; k <= 2 * n; k += 2) {
            int end = k < 2 * n ? p + matches[k] : to;
            for (; p + 3 <= end; p += 3) {
                int a = lit[src[p] & 0xFF];
                int b = lit[src[p + 1] & 0xFF];
                int c = lit[src[p + 2] & 0xFF];
                acc |= (long) (a & 0xFFFF) << count;
                count += a >>> 16;
                acc |= (long) (b & 0xFFFF) << count;
                count += b >>> 16;
                acc |= (long) (c & 0xFFFF) << count;
                count += c >>> 16;
                BitOutput.LONGS.set(buf, op, acc);
                op += count >>> 3;
                acc >>>= count & ~7;
                count &= 7;
            }
            for (; p < end; p++) {
                int a = lit[src[p] & 0xFF];
                acc |= (long) (a & 0xFFFF) << count;
                count += a >>> 16;
            }
            BitOutput.LONGS.set(buf, op, acc);
            op += count >>> 3;
            acc >>>= count & ~7;
            count &= 7;
            if (k == 2 * n) {
                break;
            }
            int m = matches[k + 1];
            int length = m >>> 16 & 0x1FF;
            int ds = m >>> 25;
            int l = len[length];
            acc |= (long) (l & 0xFFFFFF) << count;
            count += l >>> 24;
            int d = dist[ds];
            acc |= (long) (d & 0xFFFF | ((m & 0xFFFF) - DIST_BASE[ds]) << (d >>> 16 & 0xFF)) << count;
            count += d >>> 24;
            BitOutput.LONGS.set(buf, op, acc);
            op += count >>> 3;
            acc >>>= count & ~7;
            count &= 7;
            p += length;
        }
        out.buf = buf;
        out.pos = op;
        out.acc = acc;
        out.count = count;
        out.put(table.endOfBlock & 0xFFFF, table.endOfBlock >>> 16);
    }

    /** A block's codes by symbol, each with its length (and extra bits) packed in the same int for one load. */
    private static final class SymbolTable {
        /** By byte: the code, and its length from bit 16. */
        final int[] literal = new int[256];
        /** By match length (3 to 258): the code and extra bits in bits 0 to 23, and how many they are from bit 24. */
        final int[] length = new int[DeflateSymbols.MAX_MATCH + 1];
        /** By distance symbol: the code, its length from bit 16, and with the extra bits from bit 24. */
        final int[] distance = new int[32];
        int endOfBlock;

        void fill(int[] litCodes, byte[] litLens, int[] distCodes, byte[] distLens) {
            for (int b = 0; b < 256; b++) {
                literal[b] = litCodes[b] | litLens[b] << 16;
            }
            endOfBlock = litCodes[END_OF_BLOCK] | litLens[END_OF_BLOCK] << 16;
            for (int l = DeflateSymbols.MIN_MATCH; l <= DeflateSymbols.MAX_MATCH; l++) {
                int slot = LENGTH_SLOT[l];
                int sym = 257 + slot;
                length[l] = litCodes[sym] | (l - LENGTH_BASE[slot]) << litLens[sym] | (litLens[sym] + LENGTH_EXTRA[slot]) << 24;
            }
            for (int ds = 0; ds < DIST_SYMBOLS; ds++) {
                distance[ds] = distCodes[ds] | distLens[ds] << 16 | (distLens[ds] + DIST_EXTRA[ds]) << 24;
            }
        }
    }
}
