package org.cogcube.warp;

import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;

/**
 * Maps points of the target grid's pixel space to an input's pixel space: target pixel to target
 * CRS (the target's geotransform), to the input's CRS (proj4j), to input pixel (the inverse of the
 * input's geotransform).
 *
 * <p>Along a row, as GDAL's approximate transformer does: the first, middle and last points are
 * mapped exactly; when the middle lies within {@value #MAX_ERROR} input pixel (the sum of its
 * column and row errors) of the straight line between the ends, every point is interpolated on that
 * line, else each half is treated the same way. Runs of at most {@value #EXACT_RUN} points are
 * mapped exactly. Not thread-safe.
 */
final class PixelMapping {
    /** gdalwarp's default error threshold ({@code -et 0.125}), in input pixels. */
    static final double MAX_ERROR = 0.125;
    static final int EXACT_RUN = 5;

    private final GeoTransform target;
    private final Reprojection reprojection;
    private final double[] inverse;
    private double[] xs = new double[0];
    private double[] ys = new double[0];

    PixelMapping(GridGeometry target, GridGeometry input) {
        this.target = target.transform();
        this.reprojection = Reprojection.between(target.crs(), input.crs());
        GeoTransform g = input.transform();
        double det = g.xPerColumn() * g.yPerRow() - g.xPerRow() * g.yPerColumn();
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("the input's geotransform cannot be inverted: " + g);
        }
        // column = a0 + a1 x + a2 y ; row = b0 + b1 x + b2 y
        double a1 = g.yPerRow() / det;
        double a2 = -g.xPerRow() / det;
        double b1 = -g.yPerColumn() / det;
        double b2 = g.xPerColumn() / det;
        inverse = new double[] {-(a1 * g.originX() + a2 * g.originY()), a1, a2,
            -(b1 * g.originX() + b2 * g.originY()), b1, b2};
    }

    /**
     * The input pixel coordinates of the target points {@code (firstColumn + i, row)} for
     * {@code i < count}, into {@code columns} and {@code rows}; NaN where the point cannot be
     * reprojected.
     */
    void mapRow(double firstColumn, double row, int count, double[] columns, double[] rows) {
        if (count <= EXACT_RUN || reprojection == null) {
            exact(firstColumn, row, 0, count, columns, rows);
            return;
        }
        int last = count - 1;
        int middle = last / 2;
        exact(firstColumn, row, 0, 1, columns, rows);
        exact(firstColumn, row, middle, 1, columns, rows);
        exact(firstColumn, row, last, 1, columns, rows);
        approximate(firstColumn, row, 0, last, columns, rows);
    }

    /** Fills points {@code from..to} (both included) whose ends and middle are already exact. */
    private void approximate(double firstColumn, double row, int from, int to, double[] columns, double[] rows) {
        int middle = from + (to - from) / 2;
        double span = to - from;
        double dc = (columns[to] - columns[from]) / span;
        double dr = (rows[to] - rows[from]) / span;
        double error = Math.abs(columns[from] + dc * (middle - from) - columns[middle])
                + Math.abs(rows[from] + dr * (middle - from) - rows[middle]);
        if (!(error <= MAX_ERROR)) { // NaN too
            refine(firstColumn, row, from, middle, columns, rows);
            refine(firstColumn, row, middle, to, columns, rows);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            if (i != middle) {
                columns[i] = columns[from] + dc * (i - from);
                rows[i] = rows[from] + dr * (i - from);
            }
        }
        columns[middle] = columns[from] + dc * (middle - from);
        rows[middle] = rows[from] + dr * (middle - from);
    }

    /** A half whose ends are exact: short ones exactly, longer ones by their middle. */
    private void refine(double firstColumn, double row, int from, int to, double[] columns, double[] rows) {
        if (to - from + 1 <= EXACT_RUN) {
            exact(firstColumn, row, from + 1, to - from - 1, columns, rows);
            return;
        }
        exact(firstColumn, row, from + (to - from) / 2, 1, columns, rows);
        approximate(firstColumn, row, from, to, columns, rows);
    }

    private void exact(double firstColumn, double row, int from, int count, double[] columns, double[] rows) {
        if (count <= 0) {
            return;
        }
        if (xs.length < from + count) {
            xs = new double[Math.max(from + count, xs.length * 2)];
            ys = new double[xs.length];
        }
        for (int i = from; i < from + count; i++) {
            xs[i] = target.x(firstColumn + i, row);
            ys[i] = target.y(firstColumn + i, row);
        }
        if (reprojection != null) {
            reprojection.apply(xs, ys, from, count);
        }
        for (int i = from; i < from + count; i++) {
            columns[i] = inverse[0] + inverse[1] * xs[i] + inverse[2] * ys[i];
            rows[i] = inverse[3] + inverse[4] * xs[i] + inverse[5] * ys[i];
        }
    }
}
