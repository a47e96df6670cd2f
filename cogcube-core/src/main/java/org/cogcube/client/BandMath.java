package org.cogcube.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.expression.NamedExpression;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;

/**
 * Evaluates an expression on the bands of an extraction, date by date: at a date where every band
 * it reads was kept, on their common cut grid, pixel by pixel in double precision, the result
 * stored as float32. NaN propagates, a division by zero gives NaN, and so does a result too large
 * for float32. A date where a band it reads was dropped is dropped for the variable with that
 * band's reason (the first such band's, in the expression's order); a date where the result is
 * all NaN is dropped as {@link Dropped.Reason#NO_DATA}.
 */
final class BandMath {

    private BandMath() {
    }

    static Series evaluate(Extraction extraction, NamedExpression variable) {
        List<String> bands = List.copyOf(variable.expression().names());
        for (String band : bands) {
            extraction.band(band); // refuses a band the query did not ask for
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (String band : bands) {
            extraction.band(band).forEach(c -> dates.add(c.date()));
            extraction.dropped().stream().filter(d -> d.band().equals(band)).forEach(d -> dates.add(d.date()));
        }
        String name = variable.name();
        List<LayerCut> kept = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (LocalDate date : dates) {
            Optional<Dropped.Reason> reason = reason(extraction, bands, date);
            if (reason.isPresent()) {
                dropped.add(new Dropped(name, date, reason.get()));
                continue;
            }
            Map<String, LayerCut> cuts = new HashMap<>();
            for (String band : bands) {
                cuts.put(band, extraction.get(band, date).orElseThrow());
            }
            GridGeometry grid = commonGrid(cuts, bands, date, variable);
            float[] values = compute(variable, cuts, grid);
            if (Masking.allNaN(values)) {
                dropped.add(new Dropped(name, date, Dropped.Reason.NO_DATA));
            } else {
                kept.add(new LayerCut(name, date, floats(grid, values)));
            }
        }
        return new Series(name, kept, dropped);
    }

    /** Why some band is not kept at the date, if one is not. */
    private static Optional<Dropped.Reason> reason(Extraction extraction, List<String> bands, LocalDate date) {
        for (String band : bands) {
            if (extraction.get(band, date).isEmpty()) {
                return Optional.of(extraction.dropped().stream()
                        .filter(d -> d.band().equals(band) && d.date().equals(date)).map(Dropped::reason)
                        .findFirst().orElse(Dropped.Reason.MISSING));
            }
        }
        return Optional.empty();
    }

    private static GridGeometry commonGrid(Map<String, LayerCut> cuts, List<String> bands, LocalDate date,
            NamedExpression variable) {
        GridGeometry grid = cuts.get(bands.get(0)).grid();
        for (String band : bands) {
            GridGeometry other = cuts.get(band).grid();
            if (!other.equals(grid)) {
                throw new UnsupportedFeatureException("cannot compute " + variable + " on " + date + ": band "
                        + bands.get(0) + " is cut to " + describe(grid) + " but band " + band + " to "
                        + describe(other) + "; an expression needs its bands on one grid (expected equal cuts)");
            }
        }
        return grid;
    }

    private static float[] compute(NamedExpression variable, Map<String, LayerCut> cuts, GridGeometry grid) {
        int n = Math.toIntExact((long) grid.width() * grid.height());
        Map<String, double[]> inputs = new HashMap<>();
        cuts.forEach((band, cut) -> {
            float[] f = cut.values();
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = f[i];
            }
            inputs.put(band, d);
        });
        double[] result = variable.expression().evaluate(inputs::get, n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float v = (float) result[i];
            out[i] = Float.isFinite(v) ? v : Float.NaN;
        }
        return out;
    }

    static String describe(GridGeometry g) {
        return g.width() + "x" + g.height() + " pixels of " + g.transform().xPerColumn() + " x "
                + (-g.transform().yPerRow()) + " at (" + g.transform().originX() + ", " + g.transform().originY()
                + ") in " + g.crs();
    }

    static Raster floats(GridGeometry grid, float[] values) {
        byte[] bytes = new byte[values.length * 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return Raster.wrap(SampleType.FLOAT32, grid, OptionalDouble.of(Double.NaN), bytes);
    }
}
