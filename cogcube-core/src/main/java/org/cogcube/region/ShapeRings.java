package org.cogcube.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the rings of one shapefile record into polygons as GDAL's shapefile driver does
 * ({@code OGRGeometryFactory::organizePolygons} with {@code METHOD=ONLY_CCW}, GDAL 3.6). The
 * specification has outer rings clockwise and holes counter-clockwise, in any order; so:
 * <ul>
 *   <li>a record of one ring is one polygon, whatever its orientation;</li>
 *   <li>every clockwise ring is an outer ring;</li>
 *   <li>with exactly one clockwise ring, every counter-clockwise ring is one of its holes, even one
 *       outside it (the polygon is then invalid, and refused later);</li>
 *   <li>otherwise each counter-clockwise ring is a hole of the smallest clockwise ring holding it (its
 *       envelope inside the other's and a point of it inside the other ring), and an outer ring of
 *       its own when none holds it: a record of only counter-clockwise rings is that many
 *       polygons.</li>
 * </ul>
 * Polygons come out in the order of their outer rings, holes in file order.
 */
final class ShapeRings {

    private ShapeRings() {
    }

    /** A Polygon for one resulting polygon, else a MultiPolygon. */
    static Geometry polygons(List<Coordinate[]> rings, GeometryFactory factory) {
        if (rings.size() == 1) {
            return factory.createPolygon(rings.get(0));
        }
        List<Ring> all = new ArrayList<>();
        for (Coordinate[] ring : rings) {
            all.add(new Ring(ring));
        }
        List<Ring> outer = all.stream().filter(r -> r.clockwise).toList();
        if (outer.size() == 1) {
            Ring shell = outer.get(0);
            all.stream().filter(r -> r != shell).forEach(r -> r.owner = shell);
        } else {
            assignHoles(all);
        }
        List<Polygon> polygons = new ArrayList<>();
        for (Ring shell : all) {
            if (shell.owner == null) {
                LinearRing[] holes = all.stream().filter(r -> r.owner == shell)
                        .map(r -> factory.createLinearRing(r.points)).toArray(LinearRing[]::new);
                polygons.add(factory.createPolygon(factory.createLinearRing(shell.points), holes));
            }
        }
        return polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** OGR's general case: by decreasing area, each counter-clockwise ring finds its smallest holder. */
    private static void assignHoles(List<Ring> all) {
        List<Ring> byArea = new ArrayList<>(all);
        byArea.sort(Comparator.comparingDouble((Ring r) -> r.area).reversed());
        for (int i = 0; i < byArea.size(); i++) {
            Ring ring = byArea.get(i);
            if (ring.clockwise) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                Ring candidate = byArea.get(j);
                if (candidate.clockwise && candidate.envelope.covers(ring.envelope)
                        && (j == 0 || inside(ring.points, candidate.points))) {
                    ring.owner = candidate;
                    break;
                }
            }
        }
    }

    /**
     * Whether a ring lies inside another, judged as OGR judges it: by its first point, or, while its
     * points lie on the other's boundary, by the first that does not.
     */
    private static boolean inside(Coordinate[] ring, Coordinate[] holder) {
        for (Coordinate p : ring) {
            if (!PointLocation.isOnLine(p, holder)) {
                return PointLocation.isInRing(p, holder);
            }
        }
        return false;
    }

    private static final class Ring {
        final Coordinate[] points;
        final boolean clockwise;
        final double area;
        final Envelope envelope = new Envelope();
        Ring owner;

        Ring(Coordinate[] points) {
            this.points = points;
            this.clockwise = !Orientation.isCCWArea(points);
            this.area = Math.abs(Area.ofRingSigned(points));
            for (Coordinate c : points) {
                envelope.expandToInclude(c);
            }
        }
    }
}
