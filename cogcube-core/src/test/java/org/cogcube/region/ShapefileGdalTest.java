package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cogcube.geo.Crs;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Every shapefile fixture (see make-shapefiles.sh) reads as {@code ogr2ogr -f GeoJSON} (GDAL 3.6)
 * reads it: the same polygons ring for ring, the same properties, the same CRS.
 */
class ShapefileGdalTest {

    @ParameterizedTest
    @ValueSource(strings = {"fields.shp", "fields.zip", "wgs84.shp", "polygonz.shp", "polygonm.shp", "rings.shp"})
    void readsAShapefileAsOgr2ogrDoes(String name) throws Exception {
        Path file = fixture(name);
        Region region = Regions.readShapefile(file, Crs.epsg(3035));
        String source = name.endsWith(".zip") ? "/vsizip/" + file + "/fields/fields.shp" : file.toString();
        JsonNode ogr = new ObjectMapper().readTree(Gdal.output("ogr2ogr", "-f", "GeoJSON", "-lco",
                "SIGNIFICANT_FIGURES=17", "/vsistdout/", source));

        boolean prj = !name.equals("rings.shp");
        assertEquals(crs(ogr.path("crs"), prj), region.crs(), name + ": CRS");
        Map<String, Feature> ours = new HashMap<>();
        region.features().forEach(f -> ours.put(f.id().orElseThrow(), f));
        List<String> withGeometry = new ArrayList<>();
        JsonNode features = ogr.path("features");
        for (int fid = 0; fid < features.size(); fid++) {
            JsonNode theirs = features.get(fid);
            String where = name + ", FID " + fid;
            if (theirs.path("geometry").isNull()) {
                assertFalse(ours.containsKey(Integer.toString(fid)), where + ": a Null shape is no feature");
                continue;
            }
            withGeometry.add(Integer.toString(fid));
            Feature feature = ours.get(Integer.toString(fid));
            Geometry expected = new GeoJsonReader().read(theirs.path("geometry").toString());
            assertTrue(expected.equalsExact(feature.geometry()), where + ": expected " + expected + ", read "
                    + feature.geometry());
            assertEquals(properties(theirs.path("properties"), feature.properties().keySet()), feature.properties(),
                    where + ": properties");
        }
        assertEquals(withGeometry, region.features().stream().map(f -> f.id().orElseThrow()).toList(),
                name + ": one feature per polygon record, in file order");
    }

    /**
     * OGR's properties as ours: numbers as Long or Double, dBase logical letters as Boolean, and
     * null for the fields ogr2ogr leaves out (blank dates); none may be missing from {@code keys}.
     */
    private static Map<String, Object> properties(JsonNode properties, java.util.Set<String> keys) {
        Map<String, Object> map = new HashMap<>();
        keys.forEach(k -> map.put(k, null));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value = v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber()
                    ? (Object) v.asDouble() : v.asText();
            if (e.getKey().equals("checked")) { // GDAL 3.6 reads a dBase L field as its letter
                value = switch (String.valueOf(value)) {
                    case "T", "t", "Y", "y" -> Boolean.TRUE;
                    case "F", "f", "N", "n" -> Boolean.FALSE;
                    default -> null;
                };
            }
            assertTrue(keys.contains(e.getKey()), "OGR reads a field '" + e.getKey() + "' that cogcube does not");
            map.put(e.getKey(), value);
        }
        return map;
    }

    /**
     * The CRS of ogr2ogr's GeoJSON: its crs member; without one, WGS 84 if the shapefile has a .prj
     * (GDAL writes none for WGS 84 3D), else the default the test passes.
     */
    private static Crs crs(JsonNode crs, boolean prj) {
        if (crs.isMissingNode()) {
            return Crs.epsg(prj ? 4326 : 3035);
        }
        String name = crs.path("properties").path("name").asText();
        return name.endsWith("CRS84") ? Crs.epsg(4326) : Crs.epsg(Integer.parseInt(name.replaceAll(".*:", "")));
    }

    static Path fixture(String name) {
        try {
            return Path.of(Optional.ofNullable(ShapefileGdalTest.class.getResource("/shapefiles/" + name))
                    .orElseThrow(() -> new AssertionError("no fixture " + name + " (see make-shapefiles.sh)")).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
