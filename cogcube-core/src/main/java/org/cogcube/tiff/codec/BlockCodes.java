package org.cogcube.tiff.codec;

import java.util.Arrays;

/**
 * The decoding tables of a Huffman-coded deflate block: the fixed codes of RFC 1951, 3.2.6, or
 * the codes a dynamic block's header describes (3.2.7), read into tables a decoder reuses.
 */
final class BlockCodes {
    /** The order in which a dynamic block sends the lengths of the code length code. */
    private static final int[] CODELEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    static final BlockCodes FIXED = new BlockCodes();

    static {
        int[] lengths = FIXED.lengths;
        Arrays.fill(lengths, 0, 144, 8);
        Arrays.fill(lengths, 144, 256, 9);
        Arrays.fill(lengths, 256, 280, 7);
        Arrays.fill(lengths, 280, 288, 8);
        Arrays.fill(lengths, 288, 320, 5);
        HuffmanTable.build(FIXED.litLen, HuffmanTable.LITLEN_ROOT, lengths, 0, 288, HuffmanTable.LITLEN_SYMBOLS,
                HuffmanTable.Kind.SYMBOLS, FIXED.scratch);
        HuffmanTable.build(FIXED.dist, HuffmanTable.DIST_ROOT, lengths, 288, 32, HuffmanTable.DIST_SYMBOLS,
                HuffmanTable.Kind.DISTANCES, FIXED.scratch);
    }

    final int[] litLen = new int[HuffmanTable.LITLEN_SIZE];
    final int[] dist = new int[HuffmanTable.DIST_SIZE];
    private final int[] codeLen = new int[HuffmanTable.CODELEN_SIZE];
    private final int[] lengths = new int[288 + 32];
    private final HuffmanTable.Scratch scratch = new HuffmanTable.Scratch();

    /** Reads the code lengths at the start of a dynamic block and builds its tables. */
    void readDynamic(BitInput in) {
        int nLitLen = in.take(5) + 257;
        int nDist = in.take(5) + 1;
        int nCodeLen = in.take(4) + 4;
        if (nLitLen > 286 || nDist > 30) {
            throw new ZlibDecoder.Corrupt("too many length or distance symbols: " + nLitLen + " and " + nDist
                    + " (at most 286 and 30)");
        }
        int[] lens = lengths;
        Arrays.fill(lens, 0, 19, 0);
        for (int i = 0; i < nCodeLen; i++) {
            lens[CODELEN_ORDER[i]] = in.take(3);
        }
        HuffmanTable.build(codeLen, HuffmanTable.CODELEN_ROOT, lens, 0, 19, HuffmanTable.CODELEN_SYMBOLS,
                HuffmanTable.Kind.CODE_LENGTHS, scratch);
        int n = nLitLen + nDist;
        int i = 0;
        while (i < n) {
            in.need(HuffmanTable.CODELEN_ROOT + 7);
            int e = codeLen[(int) in.bits & (HuffmanTable.CODELEN_SIZE - 1)];
            if ((e & HuffmanTable.INVALID) != 0) {
                throw new ZlibDecoder.Corrupt("invalid code length code");
            }
            in.drop(e & 0xFF);
            int symbol = e >>> 8;
            if (symbol < 16) {
                lens[i++] = symbol;
                continue;
            }
            int value = 0;
            int repeat;
            if (symbol == 16) {
                if (i == 0) {
                    throw new ZlibDecoder.Corrupt("a code length repeat with no length before it");
                }
                value = lens[i - 1];
                repeat = 3 + in.take(2);
            } else if (symbol == 17) {
                repeat = 3 + in.take(3);
            } else {
                repeat = 11 + in.take(7);
            }
            if (i + repeat > n) {
                throw new ZlibDecoder.Corrupt("code lengths repeat past the " + n + " symbols");
            }
            Arrays.fill(lens, i, i + repeat, value);
            i += repeat;
        }
        if (lens[256] == 0) {
            throw new ZlibDecoder.Corrupt("no end-of-block code");
        }
        HuffmanTable.build(litLen, HuffmanTable.LITLEN_ROOT, lens, 0, nLitLen, HuffmanTable.LITLEN_SYMBOLS,
                HuffmanTable.Kind.SYMBOLS, scratch);
        HuffmanTable.build(dist, HuffmanTable.DIST_ROOT, lens, nLitLen, nDist, HuffmanTable.DIST_SYMBOLS,
                HuffmanTable.Kind.DISTANCES, scratch);
    }
}
