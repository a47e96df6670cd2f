package org.cogcube.tiff.codec;

/**
 * The fixed tables of deflate (RFC 1951, 3.2.5): how a match length maps to a length symbol
 * (257 to 285) and extra bits, and how a distance maps to a distance symbol (0 to 29) and extra bits.
 */
final class DeflateSymbols {
    static final int END_OF_BLOCK = 256;
    static final int LITLEN_SYMBOLS = 286;
    static final int DIST_SYMBOLS = 30;
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    static final int WINDOW = 32768;

    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};

    /** Length slot (symbol minus 257) of each match length, indexed by the length. */
    static final byte[] LENGTH_SLOT = new byte[MAX_MATCH + 1];
    /** Distance symbol of distances 1 to 256 at [d - 1], and of longer ones at [256 + ((d - 1) >> 7)]. */
    private static final byte[] DIST_SLOT = new byte[512];

    static {
        for (int slot = 0; slot < LENGTH_BASE.length; slot++) {
            for (int len = LENGTH_BASE[slot]; len < LENGTH_BASE[slot] + (1 << LENGTH_EXTRA[slot]) && len <= MAX_MATCH;
                    len++) {
                LENGTH_SLOT[len] = (byte) slot;
            }
        }
        LENGTH_SLOT[MAX_MATCH] = 28;
        for (int slot = 0; slot < DIST_BASE.length; slot++) {
            for (int d = DIST_BASE[slot]; d < DIST_BASE[slot] + (1 << DIST_EXTRA[slot]); d++) {
                if (d <= 256) {
                    DIST_SLOT[d - 1] = (byte) slot;
                } else {
                    DIST_SLOT[256 + ((d - 1) >> 7)] = (byte) slot;
                }
            }
        }
    }

    private DeflateSymbols() {
    }

    /** The distance symbol (0 to 29) of a distance from 1 to 32768. */
    static int distSlot(int dist) {
        return dist <= 256 ? DIST_SLOT[dist - 1] : DIST_SLOT[256 + ((dist - 1) >> 7)];
    }
}
