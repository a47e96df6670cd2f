package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

class LzwCodecTest {
    private static final Codec LZW = Compression.LZW.codec();
    private static final int CLEAR = 256;
    private static final int EOI = 257;

    /** The example of the TIFF 6.0 specification, section 13. */
    private static final byte[] SPEC_INPUT = {7, 7, 7, 8, 8, 7, 7, 6, 6};
    private static final int[] SPEC_CODES = {CLEAR, 7, 258, 8, 8, 258, 6, 6, EOI};

    @Test
    void encodesTheSpecificationExample() {
        assertArrayEquals(LzwCodes.pack(SPEC_CODES), LZW.encode(SPEC_INPUT, 0, SPEC_INPUT.length, 0));
    }

    @Test
    void decodesTheSpecificationExample() {
        byte[] stream = LzwCodes.pack(SPEC_CODES);
        assertArrayEquals(SPEC_INPUT, LZW.decode(stream, 0, stream.length, SPEC_INPUT.length));
    }

    @Test
    void encodesNothingAsClearThenEoi() {
        assertArrayEquals(LzwCodes.pack(CLEAR, EOI), LZW.encode(new byte[0], 0, 0, 0));
        assertArrayEquals(new byte[0], LZW.decode(LzwCodes.pack(CLEAR, EOI), 0, 3, 0));
    }

    @Test
    void decodesAStringDefinedByItsOwnCode() {
        // "aaa": the second code is the entry being defined (a, then a + a).
        byte[] stream = LzwCodes.pack(CLEAR, 'a', 258, EOI);
        assertArrayEquals("aaa".getBytes(), LZW.decode(stream, 0, stream.length, 3));
    }

    @Test
    void widensCodesOneCodeEarlyAndClearsAFullTable() {
        // Bytes whose consecutive pairs are all distinct, so that every code is a literal: the
        // encoder's output is then known code by code, across every width and one full table.
        byte[] input = distinctPairs(4500);
        int[] codes = new int[input.length + 3];
        int n = 0;
        codes[n++] = CLEAR;
        for (int i = 0; i < input.length; i++) {
            if (i == 4094 - 258) {
                codes[n++] = CLEAR;
            }
            codes[n++] = input[i] & 0xff;
        }
        codes[n++] = EOI;
        byte[] expected = LzwCodes.pack(Arrays.copyOf(codes, n));
        assertArrayEquals(expected, LZW.encode(input, 0, input.length, 0));
        assertArrayEquals(input, LZW.decode(expected, 0, expected.length, input.length));
    }

    @Test
    void writesEoiWithTheWidthTheDecoderExpects() {
        // 254 literals take the table to 511 entries on the decoder's side: EOI is then 10 bits.
        for (int length = 250; length < 260; length++) {
            byte[] input = distinctPairs(length);
            int[] codes = new int[length + 2];
            codes[0] = CLEAR;
            for (int i = 0; i < length; i++) {
                codes[i + 1] = input[i] & 0xff;
            }
            codes[length + 1] = EOI;
            assertArrayEquals(LzwCodes.pack(codes), LZW.encode(input, 0, length, 0), "length " + length);
        }
    }

    @Test
    void decodesDataWithoutEoi() {
        byte[] stream = LzwCodes.pack(Arrays.copyOf(SPEC_CODES, SPEC_CODES.length - 1));
        assertArrayEquals(SPEC_INPUT, LZW.decode(stream, 0, stream.length, SPEC_INPUT.length));
    }

    @Test
    void cutsDataLongerThanExpected() {
        byte[] stream = LzwCodes.pack(SPEC_CODES);
        assertArrayEquals(Arrays.copyOf(SPEC_INPUT, 4), LZW.decode(stream, 0, stream.length, 4));
    }

    @Test
    void keepsDecodingWithAFullTableUntilClear() {
        // 5000 literals after one Clear: the table fills at 4096 entries and then stops growing.
        int[] codes = literalsAfterClear(5000);
        byte[] stream = LzwCodes.pack(codes);
        byte[] expected = new byte[5000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) codes[i + 1];
        }
        assertArrayEquals(expected, LZW.decode(stream, 0, stream.length, expected.length));
    }

    @Test
    void clearsTheTableWhenFullAsLibtiffDoes() {
        // Every pair distinct in incompressible data: one Clear per 3836 codes.
        byte[] input = Content.RANDOM.make(20_000, 1);
        byte[] encoded = LZW.encode(input, 0, input.length, 0);
        assertArrayEquals(input, LZW.decode(encoded, 0, encoded.length, input.length));
        assertTrue(encoded.length < input.length * 3 / 2 + 16, "at most 12 bits per byte");
    }

    @Test
    void rejectsDataShorterThanExpected() {
        byte[] stream = LzwCodes.pack(SPEC_CODES);
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> LZW.decode(stream, 0, stream.length, 10));
        assertEquals("LZW data too short: expected 10 decoded bytes, found 9 at EOI after all " + stream.length
                + " input bytes", e.getMessage());
    }

    @Test
    void rejectsCodesBeyondTheTable() {
        byte[] stream = LzwCodes.pack(CLEAR, 7, 300, EOI);
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> LZW.decode(stream, 0, stream.length, 10));
        // Clear, 7 and 300 take 27 bits: code 300 ends in byte 3.
        assertEquals("corrupt LZW data: code 300 is not in the table (next free code 258) ending in input byte 3",
                e.getMessage());
    }

    @Test
    void rejectsAStringCodeRightAfterClear() {
        byte[] stream = LzwCodes.pack(CLEAR, 258, EOI);
        assertThrows(MalformedFileException.class, () -> LZW.decode(stream, 0, stream.length, 2));
    }

    @Test
    void refusesOldStyleLzw() {
        // Old-style streams start with Clear written least significant bit first: 0x00, then bit 0 set.
        byte[] stream = {0x00, 0x01, 0x0e, 0x08};
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> LZW.decode(stream, 0, stream.length, 4));
        assertTrue(e.getMessage().contains("old-style LZW"), e.getMessage());
    }

    /** Bytes in which no two consecutive pairs are equal: steps of 1, then 3, 5, ... 256 of each. */
    private static byte[] distinctPairs(int n) {
        byte[] b = new byte[n];
        int x = 0;
        for (int i = 1; i < n; i++) {
            x += 1 + 2 * ((i - 1) / 256);
            b[i] = (byte) x;
        }
        return b;
    }

    /** Clear, then the literals 0, 1, 2, ... (mod 256), n of them, then EOI. */
    private static int[] literalsAfterClear(int n) {
        int[] codes = new int[n + 2];
        codes[0] = CLEAR;
        for (int i = 0; i < n; i++) {
            codes[i + 1] = i % 256;
        }
        codes[n + 1] = EOI;
        return codes;
    }
}
