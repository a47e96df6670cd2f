package org.cogcube.region;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One polygonal feature of a {@link Region}: its geometry, and the id and properties a GeoJSON
 * feature carries (none for a bare geometry or WKT).
 *
 * @param id the feature's id as text, if it has one
 * @param properties the feature's properties, read-only: JSON values as String, Long, Double,
 *     Boolean, null, {@code List} and {@code Map}
 * @param geometry a valid Polygon or MultiPolygon, in the region's CRS
 */
public record Feature(Optional<String> id, Map<String, Object> properties, Geometry geometry) {

    public Feature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(geometry, "geometry");
        geometry = geometry.copy();
    }

    /** The geometry; a copy, since JTS geometries are mutable. */
    @Override
    public Geometry geometry() {
        return geometry.copy();
    }
}
