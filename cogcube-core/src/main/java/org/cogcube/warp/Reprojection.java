package org.cogcube.warp;

import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.Projections;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Coordinates of one CRS to another, with proj4j. Not thread-safe (proj4j's transforms keep
 * state): make one per thread.
 */
final class Reprojection {

    private final CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    private Reprojection(CoordinateTransform transform) {
        this.transform = transform;
    }

    /** From {@code from} to {@code to}; null when they are the same CRS (nothing to do). */
    static Reprojection between(Crs from, Crs to) {
        if (from.equals(to)) {
            return null;
        }
        try {
            return new Reprojection(Projections.transform(from, to));
        } catch (UnsupportedFeatureException e) {
            throw new UnsupportedFeatureException("cannot reproject from " + from + " to " + to + ": "
                    + e.getMessage());
        }
    }

    /** Transforms {@code (x[i], y[i])} in place; a point that cannot be transformed becomes NaN. */
    void apply(double[] x, double[] y, int from, int count) {
        for (int i = from; i < from + count; i++) {
            in.x = x[i];
            in.y = y[i];
            try {
                transform.transform(in, out);
                x[i] = out.x;
                y[i] = out.y;
            } catch (Proj4jException e) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
            }
        }
    }
}
