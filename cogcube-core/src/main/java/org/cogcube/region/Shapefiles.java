package org.cogcube.region;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cogcube.InvalidRegionException;
import org.cogcube.MalformedFileException;
import org.cogcube.geo.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A region from a shapefile's parts: one feature per polygon record, its id the record's position
 * from 0 (GDAL's FID), its properties the record's {@code .dbf} row. Null shapes and records marked
 * deleted are skipped, as are their ids.
 */
final class Shapefiles {

    private Shapefiles() {
    }

    static Region region(ShapefileParts parts, Crs withoutPrj) {
        String name = parts.name();
        List<ShpReader.Shape> shapes = ShpReader.read(parts.shp(), name);
        Charset charset = parts.cpg() == null ? null : CodePages.ofCpg(parts.cpg(), sibling(name, ".cpg"));
        List<Map<String, Object>> rows = parts.dbf() == null ? null
                : DbfReader.read(parts.dbf(), charset, sibling(name, ".dbf"));
        if (rows != null && rows.size() != shapes.size()) {
            throw new MalformedFileException(name + ": " + shapes.size() + " records, but its .dbf has "
                    + rows.size() + ", expected one row per record");
        }
        Crs crs = parts.prj() == null ? withoutPrj : EsriPrj.crs(parts.prj(), sibling(name, ".prj"));
        GeometryFactory factory = new GeometryFactory();
        List<Feature> features = new ArrayList<>();
        for (ShpReader.Shape shape : shapes) {
            Map<String, Object> row = rows == null ? Map.of() : rows.get(shape.index());
            if (shape.isNull() || row == null) {
                continue;
            }
            Geometry geometry = ShapeRings.polygons(shape.rings(), factory);
            Polygonal.check(geometry, name + ", record " + (shape.index() + 1));
            features.add(new Feature(Optional.of(Integer.toString(shape.index())), row, geometry));
        }
        if (features.isEmpty()) {
            throw new InvalidRegionException(name + ": no polygon in its " + shapes.size()
                    + " records, expected at least one");
        }
        return new Region(features, crs);
    }

    private static String sibling(String shp, String extension) {
        int dot = shp.lastIndexOf('.');
        return (dot < 0 ? shp : shp.substring(0, dot)) + extension;
    }
}
