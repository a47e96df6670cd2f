package org.cogcube.catalog;

import java.util.ArrayList;
import java.util.List;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.geo.Projections;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The outline of a grid in WGS84 longitude and latitude (degrees, GeoJSON's order). Each edge of
 * the grid is densified: split in halves until the straight line (in degrees) between consecutive
 * points is within a tolerance of the edge's true image. The ring uses {@value #RING_TOLERANCE}
 * degrees (about a metre: a whole Sentinel-2 tile needs a few dozen points, and a cube repeats its
 * ring in every item); the bounding box uses {@value #BBOX_TOLERANCE} degrees, so it holds the
 * bent edges to a centimetre. Coordinates are rounded to 1e-9 degrees (0.1 mm) so the output does
 * not depend on the last bits of the arithmetic.
 *
 * @param ring the closed ring: first point repeated last, counterclockwise (RFC 7946), each point {@code {lon, lat}}
 * @param bbox {@code minLon, minLat, maxLon, maxLat} of the grid's edges (which contains the ring)
 */
record Footprint(List<double[]> ring, double[] bbox) {

    static final double RING_TOLERANCE = 1e-5;
    static final double BBOX_TOLERANCE = 1e-7;
    private static final int MAX_DEPTH = 16;

    /** The footprint of a grid of a known CRS. */
    static Footprint of(GridGeometry grid) {
        ToWgs84 toWgs84 = ToWgs84.of(grid.crs());
        GeoTransform t = grid.transform();
        double w = grid.width();
        double h = grid.height();
        double[][] corners = {{0, 0}, {0, h}, {w, h}, {w, 0}};
        List<double[]> ring = new ArrayList<>();
        List<double[]> fine = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double[] a = corners[i];
            double[] b = corners[(i + 1) % 4];
            Edge edge = s -> {
                double col = a[0] + (b[0] - a[0]) * s;
                double row = a[1] + (b[1] - a[1]) * s;
                return toWgs84.apply(t.x(col, row), t.y(col, row));
            };
            double[] start = edge.at(0);
            double[] end = edge.at(1);
            ring.add(start);
            densify(edge, 0, start, 1, end, RING_TOLERANCE, 0, ring);
            fine.add(start);
            densify(edge, 0, start, 1, end, BBOX_TOLERANCE, 0, fine);
        }
        ring.add(ring.get(0));
        if (signedArea(ring) < 0) {
            java.util.Collections.reverse(ring);
        }
        List<double[]> rounded = ring.stream().map(p -> new double[] {round(p[0]), round(p[1])}).toList();
        double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double[] p : fine) {
            bbox[0] = Math.min(bbox[0], round(p[0]));
            bbox[1] = Math.min(bbox[1], round(p[1]));
            bbox[2] = Math.max(bbox[2], round(p[0]));
            bbox[3] = Math.max(bbox[3], round(p[1]));
        }
        return new Footprint(rounded, bbox);
    }

    /** The axis-aligned ring of a bounding box, counterclockwise from its south-west corner. */
    static List<double[]> ringOf(double[] bbox) {
        return List.of(new double[] {bbox[0], bbox[1]}, new double[] {bbox[2], bbox[1]},
                new double[] {bbox[2], bbox[3]}, new double[] {bbox[0], bbox[3]}, new double[] {bbox[0], bbox[1]});
    }

    private interface Edge {
        double[] at(double s);
    }

    /** Adds the points strictly between s0 and s1 that the tolerance needs, in order. */
    private static void densify(Edge edge, double s0, double[] p0, double s1, double[] p1, double tolerance,
            int depth, List<double[]> out) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        double sm = (s0 + s1) / 2;
        double[] pm = edge.at(sm);
        double dx = pm[0] - (p0[0] + p1[0]) / 2;
        double dy = pm[1] - (p0[1] + p1[1]) / 2;
        if (Math.hypot(dx, dy) <= tolerance) {
            return;
        }
        densify(edge, s0, p0, sm, pm, tolerance, depth + 1, out);
        out.add(pm);
        densify(edge, sm, pm, s1, p1, tolerance, depth + 1, out);
    }

    private static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            sum += ring.get(i)[0] * ring.get(i + 1)[1] - ring.get(i + 1)[0] * ring.get(i)[1];
        }
        return sum / 2;
    }

    private static double round(double degrees) {
        double r = Math.round(degrees * 1e9) / 1e9;
        return r == 0 ? 0 : r; // no -0
    }

    /** CRS coordinates to WGS84 longitude, latitude. */
    private interface ToWgs84 {
        double[] apply(double x, double y);

        static ToWgs84 of(Crs crs) {
            if (!crs.isKnown()) {
                throw new IllegalArgumentException("a grid of unknown CRS has no WGS84 footprint");
            }
            if (crs.epsg() == 4326) {
                return (x, y) -> new double[] {x, y};
            }
            CoordinateTransform transform;
            try {
                transform = Projections.transform(crs, Crs.epsg(4326));
            } catch (UnsupportedFeatureException e) {
                throw new UnsupportedFeatureException("cannot compute the WGS84 footprint of a grid in " + crs
                        + ": " + e.getMessage());
            }
            return (x, y) -> {
                ProjCoordinate out = new ProjCoordinate();
                transform.transform(new ProjCoordinate(x, y), out);
                return new double[] {out.x, out.y};
            };
        }
    }
}
