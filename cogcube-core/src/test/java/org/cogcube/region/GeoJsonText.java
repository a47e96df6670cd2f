package org.cogcube.region;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON text of regions for tests, every coordinate written so that it reads back as the same
 * double (JTS's writer rounds to a few decimals, which would move vertices off pixel edges).
 */
final class GeoJsonText {

    private GeoJsonText() {
    }

    /** A FeatureCollection in the given EPSG CRS, one feature per geometry, with an id and a name. */
    static String featureCollection(int epsg, Geometry... geometries) {
        StringBuilder sb = new StringBuilder("{\"type\": \"FeatureCollection\", ");
        sb.append("\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::")
                .append(epsg).append("\"}},\n \"features\": [");
        for (int i = 0; i < geometries.length; i++) {
            sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"type\": \"Feature\", \"id\": ").append(i + 1)
                    .append(", \"properties\": {\"name\": \"part ").append(i + 1).append("\"}, \"geometry\": ")
                    .append(geometry(geometries[i])).append('}');
        }
        return sb.append("]}\n").toString();
    }

    static String geometry(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return "{\"type\": \"Polygon\", \"coordinates\": " + rings(polygon) + "}";
        }
        StringBuilder sb = new StringBuilder("{\"type\": \"MultiPolygon\", \"coordinates\": [");
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            sb.append(i == 0 ? "" : ", ").append(rings((Polygon) geometry.getGeometryN(i)));
        }
        return sb.append("]}").toString();
    }

    private static String rings(Polygon polygon) {
        StringBuilder sb = new StringBuilder("[").append(ring(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            sb.append(", ").append(ring(polygon.getInteriorRingN(i)));
        }
        return sb.append(']').toString();
    }

    private static String ring(LineString ring) {
        StringBuilder sb = new StringBuilder("[");
        for (Coordinate c : ring.getCoordinates()) {
            sb.append(sb.length() == 1 ? "" : ", ").append('[').append(c.x).append(", ").append(c.y).append(']');
        }
        return sb.append(']').toString();
    }
}
