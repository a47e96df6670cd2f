package org.cogcube.testing;

import org.cogcube.raster.SampleType;

/**
 * The pixel values of the fixtures, computed the way {@code fixtures/make-fixtures.sh} computes
 * them, so that a test knows every pixel of a fixture without asking GDAL. The formulas are
 * documented at the top of that script; this class must stay its exact twin.
 *
 * <p>Coordinates are pixel column {@code x} and row {@code y} from 0, bands from 1.
 */
public final class FixturePattern {

    private FixturePattern() {
    }

    /** The noise term, 0 to 15: a hash of the pixel's position and band. */
    public static int noise(int x, int y, int band) {
        long h = ((x * 73856093L) ^ (y * 19349663L) ^ (band * 83492791L)) & 0xFFFFFFFFL;
        return (int) ((h >> 11) & 15);
    }

    /** Whether the pixel is a hole, holding the nodata value in the nodata fixtures. */
    public static boolean isHole(int x, int y, int band) {
        return noise(x, y, band) == 0;
    }

    /** The value a fixture of this type holds at a pixel (before holes are punched). */
    public static double value(SampleType type, int x, int y, int band) {
        int n = noise(x, y, band);
        int k = band - 1;
        return switch (type) {
            case UINT8 -> (x + 2 * y + 40 * k + n) % 256;
            case INT8 -> (x + 2 * y + 40 * k + n) % 256 - 128;
            case UINT16 -> 100 * x + 150 * y + 1000 * k + n;
            case INT16 -> 100 * x + 150 * y + 1000 * k + n - 32768;
            case UINT32 -> 4_000_000_000L - (1_000_003L * x + 10_007L * y + 101L * n + k);
            case INT32 -> 1_000_003L * x - 7_000_003L * y + n + k;
            case FLOAT32 -> (float) ((x - 0.5 * y) * 1.5 + n / 64.0 - 100.0 + 0.125 * k);
            case FLOAT64 -> x / 3.0 + y * 1000.25 - n * 1e-7 - 12345.678 + k;
        };
    }

    /** The values of a window, row by row, as {@link Gdal#readWindow} returns them. */
    public static double[] window(SampleType type, int band, int xoff, int yoff, int width, int height) {
        double[] values = new double[width * height];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                values[row * width + col] = value(type, xoff + col, yoff + row, band);
            }
        }
        return values;
    }

    /** {@link #window} with {@code nodata} in the holes, as the nodata fixtures hold. */
    public static double[] windowWithHoles(SampleType type, int band, int xoff, int yoff, int width,
            int height, double nodata) {
        double[] values = window(type, band, xoff, yoff, width, height);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                if (isHole(xoff + col, yoff + row, band)) {
                    values[row * width + col] = nodata;
                }
            }
        }
        return values;
    }

    /**
     * The mask of the mask fixtures: 0 (no data) inside the disk of radius 18 around (30, 25) and in
     * the last 7 columns of an image {@code imageWidth} wide, 255 elsewhere.
     */
    public static int mask(int x, int y, int imageWidth) {
        boolean out = (x - 30) * (x - 30) + (y - 25) * (y - 25) < 18 * 18 || x >= imageWidth - 7;
        return out ? 0 : 255;
    }
}
