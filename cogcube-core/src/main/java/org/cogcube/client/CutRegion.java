package org.cogcube.client;

import java.util.Objects;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.geo.Projections;
import org.cogcube.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A region brought into a grid's CRS the way gdalwarp 3.6 brings a cutline given in another CRS:
 *
 * <ul>
 *   <li>the <b>crop</b> envelope, which places the cut's window, is the envelope of the region's
 *       vertices transformed one by one;</li>
 *   <li>the <b>mask</b> polygon is the region densified first, then transformed, so that its
 *       edges bend as straight lines of the region's CRS bend in the grid's. GDAL transforms the
 *       vertices, measures the longest edge in source pixels, and when it exceeds one pixel
 *       splits the region's edges (in the region's own units) into pieces of
 *       {@code longest edge in region units / longest edge in pixels}, as OGR's
 *       {@code segmentize} splits them, then transforms again.</li>
 * </ul>
 * A region already in the grid's CRS is used as it is. Coordinates of EPSG:4326 are longitude,
 * latitude, as GeoJSON and GDAL's traditional GIS order have them.
 *
 * @param mask the polygons to rasterise, in the grid's CRS
 * @param crop the envelope that places the window, in the grid's CRS
 */
record CutRegion(Geometry mask, Envelope crop) {


    CutRegion {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(crop, "crop");
    }

    /** The region in the grid's CRS; an {@link UnsupportedFeatureException} when a CRS cannot be used. */
    static CutRegion of(Region region, GridGeometry grid) {
        Geometry geometry = region.geometry();
        Crs from = region.crs();
        Crs to = grid.crs();
        if (from.equals(to)) {
            return new CutRegion(geometry, geometry.getEnvelopeInternal());
        }
        if (!to.isKnown()) {
            throw new UnsupportedFeatureException("cannot place a region in " + from + " on a grid without a CRS;"
                    + " give the region in the grid's own coordinates");
        }
        if (!from.isKnown()) {
            throw new UnsupportedFeatureException("the region has no CRS; expected one to bring it to the grid's "
                    + to);
        }
        CoordinateTransform transform;
        try {
            transform = Projections.transform(from, to);
        } catch (UnsupportedFeatureException e) {
            throw new UnsupportedFeatureException("cannot bring the region from " + from + " to " + to + ": "
                    + e.getMessage());
        }
        Geometry vertices = transformed(geometry, transform);
        Envelope crop = vertices.getEnvelopeInternal();
        double longestInPixels = longestEdge(toPixels(vertices, grid.transform()));
        if (!(longestInPixels > 1.0)) {
            return new CutRegion(vertices, crop);
        }
        double pieceLength = longestEdge(geometry) / longestInPixels;
        return new CutRegion(transformed(segmentize(geometry, pieceLength), transform), crop);
    }

    /** The geometry with every coordinate transformed. */
    private static Geometry transformed(Geometry geometry, CoordinateTransform transform) {
        Geometry copy = geometry.copy();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                transform.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }

    private static Geometry toPixels(Geometry geometry, GeoTransform t) {
        Geometry copy = geometry.copy();
        copy.apply((Coordinate c) -> {
            double[] p = t.toPixel(c.x, c.y);
            c.x = p[0];
            c.y = p[1];
        });
        return copy;
    }

    /** The longest edge of any ring, as OGR measures it (straight, in the coordinates' units). */
    static double longestEdge(Geometry geometry) {
        double longest = 0;
        for (Coordinate[] ring : rings(geometry)) {
            for (int i = 0; i + 1 < ring.length; i++) {
                longest = Math.max(longest, Math.hypot(ring[i + 1].x - ring[i].x, ring[i + 1].y - ring[i].y));
            }
        }
        return longest;
    }

    /**
     * The geometry with every edge longer than {@code length} split into equal pieces, as OGR's
     * {@code segmentize}: {@code floor(edge / length - 0.01)} points inserted, evenly spaced.
     */
    static Geometry segmentize(Geometry geometry, double length) {
        GeometryFactory factory = geometry.getFactory();
        double squareMax = length * length;
        Polygon[] polygons = new Polygon[geometry.getNumGeometries()];
        for (int g = 0; g < polygons.length; g++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(g);
            LinearRing shell = ring(factory, polygon.getExteriorRing().getCoordinates(), squareMax);
            LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = ring(factory, polygon.getInteriorRingN(h).getCoordinates(), squareMax);
            }
            polygons[g] = factory.createPolygon(shell, holes);
        }
        return polygons.length == 1 && geometry instanceof Polygon ? polygons[0]
                : factory.createMultiPolygon(polygons);
    }

    private static LinearRing ring(GeometryFactory factory, Coordinate[] points, double squareMax) {
        java.util.List<Coordinate> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < points.length; i++) {
            Coordinate a = points[i];
            Coordinate b = points[i + 1];
            out.add(new Coordinate(a.x, a.y));
            double dx = b.x - a.x;
            double dy = b.y - a.y;
            double squareDistance = dx * dx + dy * dy;
            if (squareDistance - squareMax > 1e-5 * squareMax) {
                int n = (int) Math.floor(Math.sqrt(squareDistance / squareMax) - 1e-2);
                for (int j = 1; j <= n; j++) {
                    out.add(new Coordinate(a.x + j * dx / (n + 1), a.y + j * dy / (n + 1)));
                }
            }
        }
        Coordinate last = points[points.length - 1];
        out.add(new Coordinate(last.x, last.y));
        return factory.createLinearRing(out.toArray(Coordinate[]::new));
    }

    private static java.util.List<Coordinate[]> rings(Geometry geometry) {
        java.util.List<Coordinate[]> rings = new java.util.ArrayList<>();
        for (int g = 0; g < geometry.getNumGeometries(); g++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(g);
            rings.add(polygon.getExteriorRing().getCoordinates());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(polygon.getInteriorRingN(h).getCoordinates());
            }
        }
        return rings;
    }
}
