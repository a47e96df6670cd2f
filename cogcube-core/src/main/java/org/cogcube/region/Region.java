package org.cogcube.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cogcube.geo.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A region to cut grids to, as read by {@link Regions}: polygonal features in one CRS.
 *
 * @param features at least one feature
 * @param crs the CRS of the coordinates: the file's {@code crs} member, EPSG:4326 for GeoJSON
 *     without one (RFC 7946: longitude, latitude), or what the caller said for WKT
 */
public record Region(List<Feature> features, Crs crs) {

    public Region {
        features = List.copyOf(features);
        Objects.requireNonNull(crs, "crs");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a region needs at least one feature");
        }
    }

    /**
     * Every polygon of every feature, in order, as one MultiPolygon, not dissolved: what gdalwarp
     * cuts with (each polygon burnt on its own, so overlaps count once).
     */
    public Geometry geometry() {
        GeometryFactory factory = features.get(0).geometry().getFactory();
        List<Polygon> polygons = new ArrayList<>();
        for (Feature feature : features) {
            Geometry g = feature.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                polygons.add((Polygon) g.getGeometryN(i));
            }
        }
        return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** The features dissolved into one Polygon or MultiPolygon (shared edges and overlaps merged). */
    public Geometry union() {
        return geometry().union();
    }
}
