package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import java.util.Random;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;

/** Deterministic rasters for writer tests: smooth fields with seeded noise, like real bands. */
final class TestRasters {
    private TestRasters() {
    }

    static GridGeometry utmGrid(int width, int height) {
        return new GridGeometry(width, height, GeoTransform.northUp(600000, 800000, 10, 10), Crs.epsg(32630));
    }

    /** A raster of the given type whose values cover much of the type's range, with some noise. */
    static Raster field(SampleType type, int width, int height, int bands, long seed, OptionalDouble nodata) {
        Random random = new Random(seed);
        byte[][] data = new byte[bands][];
        for (int b = 0; b < bands; b++) {
            ByteBuffer buf = ByteBuffer.allocate(width * height * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double base = 40 * Math.sin(x / 17.0 + b) + 30 * Math.cos(y / 23.0) + (x + 2 * y) % 50;
                    double v = base + random.nextInt(8) + 10 * b;
                    if (nodata.isPresent() && random.nextInt(50) == 0) {
                        v = nodata.getAsDouble();
                    }
                    put(buf, type, v);
                }
            }
            data[b] = buf.array();
        }
        return Raster.wrap(type, utmGrid(width, height), nodata, data);
    }

    /** Random bytes reinterpreted as samples (floats may be NaN, any bit pattern): a round-trip stress. */
    static Raster randomBits(SampleType type, int width, int height, int bands, long seed) {
        Random random = new Random(seed);
        byte[][] data = new byte[bands][width * height * type.bytes()];
        for (byte[] d : data) {
            random.nextBytes(d);
        }
        return Raster.wrap(type, utmGrid(width, height), OptionalDouble.empty(), data);
    }

    private static void put(ByteBuffer b, SampleType type, double v) {
        switch (type) {
            case UINT8 -> b.put((byte) ((int) Math.abs(v) & 0xFF));
            case INT8 -> b.put((byte) Math.max(-128, Math.min(127, v - 60)));
            case UINT16 -> b.putShort((short) ((int) Math.abs(v * 37) & 0xFFFF));
            case INT16 -> b.putShort((short) Math.max(-32768, Math.min(32767, (v - 60) * 101)));
            case UINT32 -> b.putInt((int) (long) Math.abs(v * 1e6));
            case INT32 -> b.putInt((int) ((v - 60) * 1e6));
            case FLOAT32 -> b.putFloat((float) (v / 7.0));
            case FLOAT64 -> b.putDouble(v / 7.0);
        }
    }
}
