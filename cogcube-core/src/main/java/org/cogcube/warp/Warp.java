package org.cogcube.warp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.raster.Window;
import org.cogcube.vrt.Vrt;

/**
 * A mosaic of inputs warped onto a target grid, as one band of a {@link RasterSource}: each window
 * read maps its pixels into every input, reads from each only the window it needs, and applies the
 * kernel, so a writer pulling strip by strip keeps memory bounded. Later inputs cover earlier ones
 * where they have data; pixels no input covers hold the nodata value.
 *
 * <p>As gdalwarp (GDAL 3.6) with its default approximate transformer: nearest, bilinear and
 * average give a target pixel a value only when its centre (nearest, bilinear) or footprint
 * (average, mode) falls on the input; bilinear uses its 2 x 2 formula unless the target pixels are
 * more than about 5% larger than the input's over the window read, then a stretched tent; integer
 * results are rounded half away from zero and clamped to the type.
 */
public final class Warp implements RasterSource {
    private final GridGeometry target;
    private final List<WarpInput> inputs;
    private final Kernel kernel;
    private final SampleType type;
    private final double nodata;

    private Warp(GridGeometry target, List<WarpInput> inputs, Kernel kernel, SampleType type, double nodata) {
        this.target = target;
        this.inputs = inputs;
        this.kernel = kernel;
        this.type = type;
        this.nodata = nodata;
    }

    /**
     * The inputs warped onto {@code target} with {@code kernel}, as samples of {@code type} with
     * {@code nodata} where no input has data.
     */
    public static Warp onto(GridGeometry target, List<WarpInput> inputs, Kernel kernel, SampleType type,
            double nodata) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(type, "type");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("expected at least one input to warp, found none");
        }
        if (!target.crs().isKnown()) {
            throw new IllegalArgumentException("the target grid has no CRS (expected an EPSG code)");
        }
        return new Warp(target, List.copyOf(inputs), kernel, type, nodata);
    }

    @Override
    public SampleType type() {
        return type;
    }

    @Override
    public int bandCount() {
        return 1;
    }

    @Override
    public GridGeometry grid() {
        return target;
    }

    @Override
    public OptionalDouble nodata() {
        return OptionalDouble.of(nodata);
    }

    /** The warped values of a window as doubles, row by row, NaN where no input has data. */
    public double[] values(Window w) {
        if (!w.within(target.width(), target.height())) {
            throw new IllegalArgumentException(w + " lies outside the target grid's " + target.width() + " x "
                    + target.height());
        }
        double[] out = new double[(int) w.pixels()];
        java.util.Arrays.fill(out, Double.NaN);
        for (WarpInput input : inputs) {
            new InputWarp(input, target, w, kernel).paint(out);
        }
        return out;
    }

    @Override
    public Raster read(Window w) {
        double[] values = values(w);
        byte[] bytes = new byte[values.length * type.bytes()];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            Samples.put(type, bytes, i, Double.isNaN(v) ? nodata : type.isFloatingPoint() ? v : round(v));
        }
        return Raster.wrap(type, target.window(w.column(), w.row(), w.width(), w.height()), nodata(), bytes);
    }

    /** Half away from zero, as GDAL rounds warped values into integer types. */
    static double round(double v) {
        return v < 0 ? Math.ceil(v - 0.5) : Math.floor(v + 0.5);
    }

    /** Reads one band of a window of an input, whatever kind of source it is. */
    static Raster readBand(RasterSource source, Window w, int band) {
        if (source instanceof GeoTiff tiff) {
            return tiff.read(w, 0, band);
        }
        if (source instanceof Vrt vrt) {
            return vrt.read(w, band);
        }
        if (source.bandCount() == 1) {
            return source.read(w);
        }
        Raster all = source.read(w);
        byte[] bytes = new byte[all.width() * all.height() * all.type().bytes()];
        all.data(band).get(bytes);
        return Raster.wrap(all.type(), all.grid(), all.nodata(), bytes);
    }

    /** The nodata value of one band of an input. */
    static OptionalDouble nodataOf(RasterSource source, int band) {
        return source instanceof Vrt vrt ? vrt.nodata(band) : source.nodata();
    }
}
