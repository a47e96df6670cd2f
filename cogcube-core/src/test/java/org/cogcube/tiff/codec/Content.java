package org.cogcube.tiff.codec;

import java.util.SplittableRandom;

/** Kinds of chunk content that stress codecs differently, made deterministically from a seed. */
enum Content {
    /** Incompressible bytes: the worst case for every codec. */
    RANDOM,
    /** Runs of one byte, 1 to 300 long: PackBits' and LZW's best case, and their run limits. */
    RUNS,
    /** A slowly rising 16-bit ramp with a little noise, like a smooth image band. */
    RAMP,
    /** Few distinct byte values: long LZW strings, table fills and resets. */
    FEW_VALUES;

    byte[] make(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] b = new byte[size];
        switch (this) {
            case RANDOM -> random.nextBytes(b);
            case RUNS -> {
                int i = 0;
                while (i < size) {
                    int run = Math.min(size - i, 1 + random.nextInt(random.nextBoolean() ? 4 : 300));
                    byte v = (byte) random.nextInt(256);
                    for (int k = 0; k < run; k++) {
                        b[i++] = v;
                    }
                }
            }
            case RAMP -> {
                for (int i = 0; i + 1 < size; i += 2) {
                    int v = i / 16 + random.nextInt(4);
                    b[i] = (byte) v;
                    b[i + 1] = (byte) (v >>> 8);
                }
            }
            case FEW_VALUES -> {
                for (int i = 0; i < size; i++) {
                    b[i] = (byte) random.nextInt(3);
                }
            }
        }
        return b;
    }
}
