package org.cogcube.raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;

/**
 * The samples of one or more bands over a window, with the grid that places them and the
 * nodata value. Samples are held per band, row by row, little-endian.
 *
 * <p>A raster does not change once made: {@link #wrap} takes ownership of the arrays given.
 */
public final class Raster {
    private final SampleType type;
    private final int width;
    private final int height;
    private final byte[][] bands;
    private final GridGeometry grid;
    private final OptionalDouble nodata;

    private Raster(SampleType type, int width, int height, byte[][] bands, GridGeometry grid, OptionalDouble nodata) {
        this.type = type;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.grid = grid;
        this.nodata = nodata;
    }

    /**
     * A raster over the given per-band arrays, which it takes ownership of: the caller must not
     * change them afterwards. Each array holds {@code width * height} samples, row by row,
     * little-endian.
     */
    public static Raster wrap(SampleType type, GridGeometry grid, OptionalDouble nodata, byte[]... bands) {
        if (bands.length == 0) {
            throw new IllegalArgumentException("a raster needs at least one band");
        }
        long expected = (long) grid.width() * grid.height() * type.bytes();
        for (int b = 0; b < bands.length; b++) {
            if (bands[b].length != expected) {
                throw new IllegalArgumentException("band " + b + " has " + bands[b].length + " bytes, expected "
                        + expected + " for " + grid.width() + " x " + grid.height() + " " + type);
            }
        }
        return new Raster(type, grid.width(), grid.height(), bands.clone(), grid, nodata);
    }

    public SampleType type() {
        return type;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bandCount() {
        return bands.length;
    }

    /** Size, geotransform and CRS of the samples. */
    public GridGeometry grid() {
        return grid;
    }

    public OptionalDouble nodata() {
        return nodata;
    }

    /** A read-only little-endian view of one band's samples. */
    public ByteBuffer data(int band) {
        return ByteBuffer.wrap(bands[band]).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The sample of a band at a pixel, as a double. */
    public double get(int band, int column, int row) {
        if (column < 0 || row < 0 || column >= width || row >= height) {
            throw new IndexOutOfBoundsException("pixel (" + column + ", " + row + ") outside " + width + " x " + height);
        }
        return sample(bands[band], (int) ((long) row * width + column));
    }

    /** All samples of a band as doubles, row by row. */
    public double[] toDoubles(int band) {
        byte[] b = bands[band];
        double[] out = new double[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = sample(b, i);
        }
        return out;
    }

    /** All samples of a band as floats, row by row. */
    public float[] toFloats(int band) {
        byte[] b = bands[band];
        float[] out = new float[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sample(b, i);
        }
        return out;
    }

    private double sample(byte[] b, int i) {
        return Samples.get(type, b, i);
    }

    @Override
    public String toString() {
        return "Raster[" + width + "x" + height + ", " + bands.length + " band(s) of " + type + ", " + grid.crs() + "]";
    }
}
