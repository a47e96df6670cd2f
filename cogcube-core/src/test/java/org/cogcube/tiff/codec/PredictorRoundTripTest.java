package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cogcube.raster.SampleType;

/** Every predictor's decode undoes its encode, for every sample type, band count and byte order. */
class PredictorRoundTripTest {

    @Property(tries = 500, seed = "20240615")
    void decodeInvertsEncode(@ForAll Predictor predictor, @ForAll SampleType type,
            @ForAll @IntRange(min = 1, max = 4) int samplesPerPixel, @ForAll @IntRange(max = 70) int width,
            @ForAll @IntRange(max = 12) int rows, @ForAll boolean bigEndian, @ForAll @IntRange(max = 9) int off,
            @ForAll long seed) {
        Assume.that(predictor != Predictor.FLOATING_POINT || type.isFloatingPoint());
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] data = new byte[off + width * rows * samplesPerPixel * type.bytes() + 5];
        new SplittableRandom(seed).nextBytes(data);
        byte[] chunk = data.clone();
        predictor.encode(chunk, off, width, rows, samplesPerPixel, type, order);
        predictor.decode(chunk, off, width, rows, samplesPerPixel, type, order);
        assertArrayEquals(data, chunk);
    }

    @Property(tries = 100, seed = "20240616")
    void encodeChangesOnlyTheChunk(@ForAll Predictor predictor, @ForAll SampleType type,
            @ForAll @IntRange(min = 1, max = 4) int samplesPerPixel, @ForAll @IntRange(min = 1, max = 30) int width,
            @ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(max = 9) int off, @ForAll long seed) {
        Assume.that(predictor != Predictor.FLOATING_POINT || type.isFloatingPoint());
        int size = width * rows * samplesPerPixel * type.bytes();
        byte[] data = new byte[off + size + 7];
        new SplittableRandom(seed).nextBytes(data);
        byte[] chunk = data.clone();
        predictor.encode(chunk, off, width, rows, samplesPerPixel, type, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(Arrays.copyOf(data, off), Arrays.copyOf(chunk, off));
        assertArrayEquals(Arrays.copyOfRange(data, off + size, data.length),
                Arrays.copyOfRange(chunk, off + size, chunk.length));
    }
}
