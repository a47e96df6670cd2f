package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The block writer loses no bits whatever the codes' lengths. */
class DeflateBlockWriterTest {
    /** Enough bytes in matches that the symbols' frequencies do not make stored bytes the smaller block. */
    private static final int RUNS = 1000;

    /**
     * A literal and then a match whose codes are all 15 bits long, with the most extra bits (5 for
     * the length, 13 for the distance): the most bits the writer puts down between two stores, tried
     * at every bit alignment.
     */
    @Test
    void writesALiteralAndAMatchOfTheLongestCodesAndMostExtraBits() throws DataFormatException {
        int far = 30_000;
        int length = 250;
        SplittableRandom random = new SplittableRandom(5);
        for (int shift = 0; shift < 8; shift++) {
            // The first block: random bits as bytes 0 and 1 (a bit each), a history to match far back.
            int history = far + shift;
            byte[] src = new byte[history + 1 + length + RUNS * 258];
            for (int i = 0; i < history; i++) {
                src[i] = (byte) random.nextInt(2);
            }
            int[] litFreq = new int[DeflateSymbols.LITLEN_SYMBOLS];
            for (int i = 0; i < history; i++) {
                litFreq[src[i]]++;
            }
            DeflateBlockWriter writer = new DeflateBlockWriter();
            BitOutput out = new BitOutput();
            out.start();
            writer.write(out, new int[0], 0, litFreq, new int[DeflateSymbols.DIST_SYMBOLS], src, 0, history, false);

            // The second: the literal 7, the far match, then matches of 258 at distance 1.
            src[history] = 7;
            for (int i = history + 1; i < src.length; i++) {
                src[i] = src[i - (i <= history + length ? far : 1)];
            }
            int farSlot = DeflateSymbols.distSlot(far);
            int[] matches = new int[2 * RUNS + 2];
            matches[0] = 1;
            matches[1] = farSlot << 25 | length << 16 | far;
            for (int k = 1; k <= RUNS; k++) {
                matches[2 * k + 1] = DeflateSymbols.distSlot(1) << 25 | 258 << 16 | 1;
            }
            int lengthSymbol = 257 + DeflateSymbols.LENGTH_SLOT[length];
            litFreq = new int[DeflateSymbols.LITLEN_SYMBOLS];
            int[] distFreq = new int[DeflateSymbols.DIST_SYMBOLS];
            // Unused symbols of frequencies 2^16, 2^15, ... 2 make the tree deeper than 15 bits.
            for (int k = 0; k < 16; k++) {
                litFreq[100 + k] = 1 << (16 - k);
                distFreq[5 + k] = 1 << (16 - k);
            }
            litFreq[7] = 1;
            litFreq[lengthSymbol] = 1;
            litFreq[257 + DeflateSymbols.LENGTH_SLOT[258]] = RUNS;
            distFreq[DeflateSymbols.distSlot(1)] = RUNS;
            distFreq[farSlot] = 1;
            writer.write(out, matches, RUNS + 1, litFreq, distFreq, src, history, src.length, true);
            out.alignToByte();

            assertEquals(15, writer.litLengths[7]);
            assertEquals(15, writer.litLengths[lengthSymbol]);
            assertEquals(5, DeflateSymbols.LENGTH_EXTRA[lengthSymbol - 257]);
            assertEquals(15, writer.distLengths[farSlot]);
            assertEquals(13, DeflateSymbols.DIST_EXTRA[farSlot]);
            assertTrue(out.pos < src.length / 8, "a dynamic block, not stored bytes");
            assertArrayEquals(src, rawInflate(out.toArray(), src.length), "shifted by " + shift + " bits");
        }
    }

    private static byte[] rawInflate(byte[] deflated, int size) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] back = new byte[size + 1];
            int n = inflater.inflate(back);
            return Arrays.copyOf(back, n);
        } finally {
            inflater.end();
        }
    }
}
