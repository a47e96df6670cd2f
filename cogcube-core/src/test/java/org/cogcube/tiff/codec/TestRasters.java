package org.cogcube.tiff.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.cogcube.raster.SampleType;

/** Deterministic pixel-interleaved rasters for the GDAL tests, and byte order conversions. */
final class TestRasters {
    private TestRasters() {
    }

    /**
     * A smooth ramp with noise and a flat band of rows, as pixel-interleaved samples in the given
     * byte order; integers wrap to the type's width, floats include a NaN and both infinities.
     */
    static byte[] make(SampleType type, int width, int height, int samplesPerPixel, ByteOrder order, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer out = ByteBuffer.allocate(width * height * samplesPerPixel * type.bytes()).order(order);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < samplesPerPixel; b++) {
                    long v = y >= 10 && y < 14 ? 12345 : x * 37L + y * 101L + b * 7L + random.nextInt(-40, 40);
                    int i = (y * width + x) * samplesPerPixel + b;
                    long bits = v * 104729 - 50000;
                    switch (type) {
                        case UINT8, INT8 -> out.put((byte) bits);
                        case UINT16, INT16 -> out.putShort((short) bits);
                        case UINT32, INT32 -> out.putInt((int) bits);
                        case FLOAT32 -> out.putFloat(i == 5 ? Float.NaN : i == 6 ? Float.POSITIVE_INFINITY
                                : i == 7 ? Float.NEGATIVE_INFINITY : (float) (v * 0.37 - 1000));
                        case FLOAT64 -> out.putDouble(i == 5 ? Double.NaN : i == 6 ? Double.POSITIVE_INFINITY
                                : i == 7 ? Double.NEGATIVE_INFINITY : v * 0.37 - 1000);
                    }
                }
            }
        }
        return out.array();
    }

    /** The samples of {@code data} with the byte order of each reversed. */
    static byte[] swapped(byte[] data, int sampleBytes) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i += sampleBytes) {
            for (int k = 0; k < sampleBytes; k++) {
                out[i + k] = data[i + sampleBytes - 1 - k];
            }
        }
        return out;
    }
}
