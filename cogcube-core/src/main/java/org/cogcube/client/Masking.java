package org.cogcube.client;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.region.Cutline;

/**
 * The assemble step: the values of a cut as the original method sees them, pure arithmetic on what
 * was read. {@code raw} is the cut's part inside the file's grid ({@link Cutline#sourceWindow()}),
 * or empty when none of it is.
 */
final class Masking {

    private Masking() {
    }

    /**
     * A band's values over the cut: NaN outside the region (and outside the file's grid), where the
     * value equals the layer's nodata, is NaN, or is below {@code nodataBelow}; else the value.
     */
    static float[] band(Cutline cut, Optional<Raster> raw, OptionalDouble nodata, double nodataBelow) {
        float[] out = new float[Math.toIntExact((long) cut.width() * cut.height())];
        Arrays.fill(out, Float.NaN);
        if (raw.isEmpty()) {
            return out;
        }
        Window w = cut.sourceWindow().orElseThrow();
        Raster r = raw.get();
        boolean hasNodata = nodata.isPresent();
        double nd = hasNodata ? nodata.getAsDouble() : Double.NaN;
        for (int y = 0; y < w.height(); y++) {
            int row = w.row() + y;
            for (int x = 0; x < w.width(); x++) {
                int column = w.column() + x;
                if (!cut.contains(column, row)) {
                    continue;
                }
                double v = r.get(0, x, y);
                if ((hasNodata && v == nd) || v < nodataBelow) {
                    continue;
                }
                out[(row - cut.row()) * cut.width() + column - cut.column()] = (float) v;
            }
        }
        return out;
    }

    /**
     * The cloud layer's values over the cut as {@code gdalwarp -cutline -crop_to_cutline} writes
     * them without {@code -dstnodata}: the file's value inside the region; elsewhere in the cut's
     * rectangle (outside the region, or outside the grid) the layer's nodata value if it has one,
     * else 0. So a cloud layer without nodata reads 0 (clear) around the region.
     */
    static double[] cloud(Cutline cut, Optional<Raster> raw, OptionalDouble nodata) {
        double[] out = new double[Math.toIntExact((long) cut.width() * cut.height())];
        Arrays.fill(out, nodata.orElse(0));
        if (raw.isEmpty()) {
            return out;
        }
        Window w = cut.sourceWindow().orElseThrow();
        Raster r = raw.get();
        for (int y = 0; y < w.height(); y++) {
            int row = w.row() + y;
            for (int x = 0; x < w.width(); x++) {
                int column = w.column() + x;
                if (cut.contains(column, row)) {
                    out[(row - cut.row()) * cut.width() + column - cut.column()] = r.get(0, x, y);
                }
            }
        }
        return out;
    }

    /** Whether some value is clear: at most the threshold. */
    static boolean anyClear(double[] cloud, double threshold) {
        for (double c : cloud) {
            if (c <= threshold) {
                return true;
            }
        }
        return false;
    }

    /** Sets to NaN the band values whose cloud value is above the threshold. */
    static void maskClouds(float[] band, double[] cloud, double threshold) {
        for (int i = 0; i < band.length; i++) {
            if (cloud[i] > threshold) {
                band[i] = Float.NaN;
            }
        }
    }

    static boolean allNaN(float[] values) {
        for (float v : values) {
            if (!Float.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
