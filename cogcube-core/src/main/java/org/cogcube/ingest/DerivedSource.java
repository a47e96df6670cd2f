package org.cogcube.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cogcube.expression.Expression;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.raster.Window;

/**
 * A derived layer as a float32 {@link RasterSource}: each window reads the same window of every
 * layer the expression names (physical values: raw times scale plus offset; nodata as NaN) and
 * evaluates the expression per pixel.
 */
final class DerivedSource implements RasterSource {
    private final GridGeometry grid;
    private final Expression expression;
    private final List<String> names;
    private final List<RasterSource> layers;

    DerivedSource(GridGeometry grid, Expression expression, List<String> names, List<RasterSource> layers) {
        this.grid = grid;
        this.expression = expression;
        this.names = List.copyOf(names);
        this.layers = List.copyOf(layers);
    }

    @Override
    public SampleType type() {
        return SampleType.FLOAT32;
    }

    @Override
    public int bandCount() {
        return 1;
    }

    @Override
    public GridGeometry grid() {
        return grid;
    }

    @Override
    public OptionalDouble nodata() {
        return OptionalDouble.of(Double.NaN);
    }

    @Override
    public Raster read(Window w) {
        int n = (int) w.pixels();
        double[][] values = new double[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            RasterSource s = layers.get(i);
            Raster r = s.read(w);
            double[] v = r.toDoubles(0);
            OptionalDouble nodata = r.nodata();
            double scale = s.scales()[0];
            double offset = s.offsets()[0];
            for (int p = 0; p < n; p++) {
                boolean none = Double.isNaN(v[p]) || nodata.isPresent() && v[p] == nodata.getAsDouble();
                v[p] = none ? Double.NaN : v[p] * scale + offset;
            }
            values[i] = v;
        }
        byte[] out = new byte[n * 4];
        Map<String, Double> pixel = new HashMap<>();
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < names.size(); i++) {
                pixel.put(names.get(i), values[i][p]);
            }
            double v = expression.evaluate(pixel);
            Samples.put(SampleType.FLOAT32, out, p, Double.isFinite(v) ? v : Double.NaN);
        }
        return Raster.wrap(SampleType.FLOAT32, grid.window(w.column(), w.row(), w.width(), w.height()), nodata(), out);
    }
}
