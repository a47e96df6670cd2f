package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.Test;

/**
 * cogcube's deflate encoder writes zlib streams that both zlib's inflater and cogcube's own
 * decode to the input exactly, whatever the input, and that are as small as zlib's on imagery.
 */
class DeflateEncoderTest {

    /** Kinds of input that take the encoder down different paths. */
    enum Input {
        /** Incompressible: stored blocks. */
        RANDOM,
        /** All zeros: the longest matches at distance 1. */
        ZEROS,
        /** A short random phrase repeated: long matches at one distance. */
        REPEATED,
        /** Few distinct values: short matches everywhere. */
        FEW_VALUES,
        /** 16-bit noisy imagery after horizontal differencing: literals and short matches at one byte parity. */
        PREDICTED_UINT16,
        /** Imagery for 200 KB, then runs of odd length: matches change parity after the encoder chose one. */
        IMAGERY_THEN_RUNS;

        byte[] make(int size, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] b = new byte[size];
            switch (this) {
                case RANDOM -> random.nextBytes(b);
                case ZEROS -> { }
                case REPEATED -> {
                    byte[] phrase = new byte[1 + random.nextInt(300)];
                    random.nextBytes(phrase);
                    for (int i = 0; i < size; i++) {
                        b[i] = phrase[i % phrase.length];
                    }
                }
                case FEW_VALUES -> {
                    for (int i = 0; i < size; i++) {
                        b[i] = (byte) random.nextInt(4);
                    }
                }
                case PREDICTED_UINT16 -> predictedImagery(b, size, random);
                case IMAGERY_THEN_RUNS -> {
                    int split = Math.min(size, 200_000);
                    predictedImagery(b, split, random);
                    for (int i = split; i < size; ) {
                        int run = Math.min(size - i, 1 + 2 * random.nextInt(40));
                        Arrays.fill(b, i, i + run, (byte) random.nextInt(256));
                        i += run;
                    }
                }
            }
            return b;
        }

        /** Rows of 512 uint16 samples: parcels of constant value plus noise, horizontally differenced. */
        private static void predictedImagery(byte[] b, int size, SplittableRandom random) {
            int samples = size / 2;
            int parcel = 1000 + random.nextInt(2000);
            for (int i = 0; i < samples; i++) {
                if (random.nextInt(23) == 0) {
                    parcel = 400 + random.nextInt(2600);
                }
                int v = parcel + (int) Math.round(random.nextGaussian() * 18);
                b[2 * i] = (byte) v;
                b[2 * i + 1] = (byte) (v >>> 8);
            }
            int rows = samples / 512;
            Predictor.HORIZONTAL.encode(b, 0, 512, rows, 1, SampleType.UINT16, ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Property(tries = 200, seed = "20261124")
    void zlibAndCogcubeInflateWhatItEncodes(@ForAll Input input, @ForAll("sizes") int size,
            @ForAll @IntRange(min = 0, max = 8) int depth, @ForAll boolean lazy, @ForAll long seed) {
        byte[] data = input.make(size, seed);
        byte[] encoded = new DeflateEncoder().encode(data, 0, size, depth, lazy);
        assertArrayEquals(data, zlibInflate(encoded, size), () -> input + " through zlib");
        assertArrayEquals(data, cogcubeInflate(encoded, size), () -> input + " through cogcube");
    }

    /** Sizes from empty to a few blocks, and large inputs of many blocks. */
    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 600_000).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(1_000_000, 3_000_000));
    }

    /** The bytes around the input are often the same as its own, and no match may reach them. */
    @Property(tries = 60, seed = "20261125")
    void encodesWithinALargerArray(@ForAll Input input, @ForAll @IntRange(max = 300_000) int size,
            @ForAll @IntRange(max = 100) int before, @ForAll @IntRange(max = 100) int after,
            @ForAll @IntRange(min = 1, max = 4) int depth, @ForAll long seed) {
        byte[] data = input.make(before + size + after, seed);
        byte[] encoded = new DeflateEncoder().encode(data, before, size, depth, false);
        assertArrayEquals(Arrays.copyOfRange(data, before, before + size), zlibInflate(encoded, size));
    }

    @Test
    void encodesTinyInputs() {
        DeflateEncoder encoder = new DeflateEncoder();
        for (byte[] data : new byte[][] {{}, {0}, {(byte) 0xff}, {7, 7}, {1, 2}}) {
            byte[] encoded = encoder.encode(data, 0, data.length, 4, false);
            assertArrayEquals(data, zlibInflate(encoded, data.length));
            assertArrayEquals(data, cogcubeInflate(encoded, data.length));
        }
    }

    @Test
    void oneEncoderEncodesStreamAfterStream() {
        DeflateEncoder encoder = new DeflateEncoder();
        for (Input input : Input.values()) {
            byte[] data = input.make(300_000, 7);
            assertArrayEquals(data, zlibInflate(encoder.encode(data, 0, data.length, 4, false), data.length));
        }
    }

    @Test
    void predictedImageryIsNoLargerThanZlibLevel4() {
        byte[] data = Input.PREDICTED_UINT16.make(512 * 512 * 2, 11);
        int ours = Compression.DEFLATE.codec().encode(data, 0, data.length, 4).length;
        java.util.zip.Deflater zlib = new java.util.zip.Deflater(4);
        zlib.setInput(data);
        zlib.finish();
        byte[] out = new byte[data.length + 1024];
        int theirs = zlib.deflate(out);
        zlib.end();
        assertTrue(ours <= theirs * 1.01, () -> "ours " + ours + " bytes, zlib level 4 " + theirs);
    }

    @Test
    void incompressibleInputGrowsByLittle() {
        byte[] data = Input.RANDOM.make(1_000_000, 3);
        byte[] encoded = new DeflateEncoder().encode(data, 0, data.length, 4, false);
        // Stored blocks: 5 bytes for each block of at least 32 KiB, and the zlib frame.
        assertTrue(encoded.length <= data.length + 5 * (data.length / 32768 + 1) + 6, () -> encoded.length + " bytes");
    }

    private static byte[] zlibInflate(byte[] encoded, int size) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(encoded);
            byte[] out = new byte[size + 1];
            int n = 0;
            while (!inflater.finished()) {
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new AssertionError("zlib stream ends early after " + n + " bytes");
                }
                n += k;
            }
            assertEquals(0, inflater.getRemaining(), "bytes after the zlib stream");
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new AssertionError("zlib refuses the stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] cogcubeInflate(byte[] encoded, int size) {
        byte[] out = new byte[size];
        if (size > 0) {
            new ZlibDecoder().decode(encoded, 0, encoded.length, out, size);
        }
        return out;
    }
}
