package org.cogcube.region;

import java.util.ArrayList;
import java.util.List;
import org.cogcube.geo.GeoTransform;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * One polygon of a region in the source grid's pixel coordinates (column, row; rows grow
 * downwards), its rings closed, exactly as GDAL 3.6 hands it to its rasteriser:
 * <ul>
 *   <li>coordinates mapped with the inverse geotransform as GDAL computes it
 *       ({@code column = -originX / xPerColumn + x * (1 / xPerColumn)}, likewise for rows);</li>
 *   <li>then rounded to what survives OGR's WKT text ({@link WktPrecision});</li>
 *   <li>every ring turned clockwise in those coordinates (OGR's orientation test: the turn at the
 *       lowest, rightmost vertex), which decides which horizontal edges fill their row.</li>
 * </ul>
 * The exterior ring comes first, then the holes.
 */
final class PixelPolygon {

    private final List<double[]> xs;
    private final List<double[]> ys;

    private PixelPolygon(List<double[]> xs, List<double[]> ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** The polygons of a Polygon or MultiPolygon, in pixel coordinates of a north-up grid. */
    static List<PixelPolygon> of(Geometry region, GeoTransform transform) {
        double columnOrigin = -transform.originX() / transform.xPerColumn();
        double columnsPerX = 1.0 / transform.xPerColumn();
        double rowOrigin = -transform.originY() / transform.yPerRow();
        double rowsPerY = 1.0 / transform.yPerRow();
        List<PixelPolygon> polygons = new ArrayList<>();
        for (int i = 0; i < region.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) region.getGeometryN(i);
            if (polygon.isEmpty()) {
                continue;
            }
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                LinearRing ring = r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r);
                CoordinateSequence points = ring.getCoordinateSequence();
                int n = points.size();
                double[] x = new double[n];
                double[] y = new double[n];
                for (int p = 0; p < n; p++) {
                    double column = columnOrigin + points.getX(p) * columnsPerX;
                    double row = rowOrigin + points.getY(p) * rowsPerY;
                    if (!WktPrecision.isIntegerPair(column, row)) {
                        column = WktPrecision.roundTrip(column);
                        row = WktPrecision.roundTrip(row);
                    }
                    x[p] = column;
                    y[p] = row;
                }
                if (!isClockwise(x, y)) {
                    reverse(x);
                    reverse(y);
                }
                xs.add(x);
                ys.add(y);
            }
            polygons.add(new PixelPolygon(List.copyOf(xs), List.copyOf(ys)));
        }
        return polygons;
    }

    int rings() {
        return xs.size();
    }

    /** The columns of ring {@code i}'s vertices, the last repeating the first. Not to be modified. */
    double[] x(int ring) {
        return xs.get(ring);
    }

    /** The rows of ring {@code i}'s vertices, the last repeating the first. Not to be modified. */
    double[] y(int ring) {
        return ys.get(ring);
    }

    /** Number of vertices over all rings, closing ones included. */
    int vertices() {
        int n = 0;
        for (double[] x : xs) {
            n += x.length;
        }
        return n;
    }

    /**
     * Whether a closed ring runs clockwise with x to the right and y up: the sign of the turn at its
     * lowest (then rightmost) vertex, or, when that vertex is doubled or its neighbours are within
     * 1e-5 of it, the sign of the ring's area.
     */
    static boolean isClockwise(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return true;
        }
        boolean degenerate = false;
        int v = 0;
        for (int i = 1; i < n - 1; i++) {
            if (y[i] < y[v] || (y[i] == y[v] && x[i] > x[v])) {
                v = i;
                degenerate = false;
            } else if (y[i] == y[v] && x[i] == x[v]) {
                degenerate = true;
            }
        }
        int previous = v - 1 < 0 ? n - 2 : v - 1;
        int following = v + 1 >= n - 1 ? 0 : v + 1;
        degenerate |= near(x, y, previous, v) || near(x, y, following, v);
        double dx0 = x[previous] - x[v];
        double dy0 = y[previous] - y[v];
        double dx1 = x[following] - x[v];
        double dy1 = y[following] - y[v];
        double cross = dx1 * dy0 - dx0 * dy1;
        if (!degenerate && cross != 0) {
            return cross < 0;
        }
        double sum = x[0] * (y[1] - y[n - 1]);
        for (int i = 1; i < n - 1; i++) {
            sum += x[i] * (y[i + 1] - y[i - 1]);
        }
        sum += x[n - 1] * (y[0] - y[n - 2]);
        return sum < 0;
    }

    private static boolean near(double[] x, double[] y, int a, int b) {
        return Math.abs(x[a] - x[b]) < 1e-5 && Math.abs(y[a] - y[b]) < 1e-5;
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
