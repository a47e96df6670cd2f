package org.cogcube.region;

import org.cogcube.InvalidRegionException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The check a region passes before it cuts anything, gdalwarp's: a Polygon or a MultiPolygon, not
 * empty, each polygon valid on its own (no self-intersecting ring, holes inside their shell).
 * Polygons of a MultiPolygon may overlap or touch, as gdalwarp allows: each is burnt on its own
 * and the pixels add up. gdalwarp 3.6 refuses an invalid polygon ("Cutline polygon is invalid")
 * rather than repairing it, and so does cogcube: a repair would choose which pixels to keep.
 */
final class Polygonal {

    private Polygonal() {
    }

    /** Returns the region if usable, or throws an {@link InvalidRegionException} saying why not. */
    static Geometry check(Geometry region, String where) {
        if (region == null) {
            throw new InvalidRegionException(where + ": no geometry, expected a Polygon or MultiPolygon");
        }
        if (!(region instanceof Polygon) && !(region instanceof MultiPolygon)) {
            throw new InvalidRegionException(where + ": a " + region.getGeometryType()
                    + " cannot cut a grid, expected a Polygon or MultiPolygon");
        }
        if (region.isEmpty()) {
            throw new InvalidRegionException(where + ": the " + region.getGeometryType()
                    + " is empty, expected at least one polygon with an area");
        }
        for (int i = 0; i < region.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) region.getGeometryN(i);
            TopologyValidationError error = new IsValidOp(polygon).getValidationError();
            if (error != null) {
                String part = region.getNumGeometries() > 1 ? " (polygon " + i + ")" : "";
                throw new InvalidRegionException(where + part + ": invalid polygon: " + error.getMessage()
                        + " at " + error.getCoordinate().x + " " + error.getCoordinate().y
                        + "; expected rings that do not cross themselves or each other");
            }
        }
        return region;
    }
}
