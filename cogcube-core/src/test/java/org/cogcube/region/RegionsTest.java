package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cogcube.InvalidRegionException;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.junit.jupiter.api.Test;

class RegionsTest {

    private static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]}";
    private static final String CRS = "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::32632\"}}";

    @Test
    void readsABareGeometryWithItsCrs() {
        Region region = Regions.parseGeoJson("{" + CRS + ", " + SQUARE.substring(1), "square.geojson");
        assertEquals(Crs.epsg(32632), region.crs());
        assertEquals(1, region.features().size());
        assertEquals(Optional.empty(), region.features().get(0).id());
        assertEquals("MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0)))", region.geometry().toText());
    }

    @Test
    void readsAFeatureWithIdAndProperties() {
        Region region = Regions.parseGeoJson("{\"type\": \"Feature\", \"id\": 17, \"properties\":"
                + " {\"crop\": \"maize\", \"area\": 1.5, \"tags\": [\"a\", \"b\"], \"note\": null}, \"geometry\": "
                + SQUARE + "}", "field.geojson");
        Feature feature = region.features().get(0);
        assertEquals(Optional.of("17"), feature.id());
        assertEquals(List.of("crop", "area", "tags", "note"), List.copyOf(feature.properties().keySet()));
        assertEquals("maize", feature.properties().get("crop"));
        assertEquals(1.5, feature.properties().get("area"));
        assertEquals(List.of("a", "b"), feature.properties().get("tags"));
        assertThrows(UnsupportedOperationException.class, () -> feature.properties().put("x", 1));
        assertEquals(Crs.epsg(4326), region.crs(), "GeoJSON without crs is WGS 84 longitude, latitude");
    }

    @Test
    void keepsEveryFeatureOfACollectionAndJoinsTheirPolygons() {
        Region region = Regions.parseGeoJson("{\"type\": \"FeatureCollection\", " + CRS + ", \"features\": ["
                + "{\"type\": \"Feature\", \"id\": \"a\", \"properties\": {}, \"geometry\": " + SQUARE + "},"
                + "{\"type\": \"Feature\", \"id\": \"b\", \"properties\": {}, \"geometry\": {\"type\": \"MultiPolygon\","
                + " \"coordinates\": [[[[2, 2], [6, 2], [6, 6], [2, 6], [2, 2]]], [[[10, 10], [11, 10], [11, 11], [10, 10]]]]}}"
                + "]}", "fields.geojson");
        assertEquals(List.of(Optional.of("a"), Optional.of("b")),
                region.features().stream().map(Feature::id).toList());
        assertEquals("MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0)), ((2 2, 6 2, 6 6, 2 6, 2 2)),"
                + " ((10 10, 11 10, 11 11, 10 10)))", region.geometry().toText());
        assertEquals(16 + 16 - 4 + 0.5, region.union().getArea(), 1e-9);
    }

    @Test
    void readsWkt() {
        Region region = Regions.parseWkt("POLYGON ((0 0, 4 0, 4 4, 0 0))", Crs.epsg(3035));
        assertEquals(Crs.epsg(3035), region.crs());
        assertEquals(Map.of(), region.features().get(0).properties());
    }

    @Test
    void saysWhatIsWrongWithARegionFile() {
        assertEquals("f.geojson, feature 1 (id b): a LineString cannot cut a grid, expected a Polygon or MultiPolygon",
                assertThrows(InvalidRegionException.class, () -> Regions.parseGeoJson(
                        "{\"type\": \"FeatureCollection\", \"features\": ["
                        + "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": " + SQUARE + "},"
                        + "{\"type\": \"Feature\", \"id\": \"b\", \"properties\": {}, \"geometry\":"
                        + " {\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}}]}", "f.geojson")).getMessage());
        assertEquals("f.geojson: a feature without a geometry, expected a Polygon or MultiPolygon",
                assertThrows(InvalidRegionException.class, () -> Regions.parseGeoJson(
                        "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}", "f.geojson")).getMessage());
        assertEquals("f.geojson: the FeatureCollection has no features, expected at least one polygon",
                assertThrows(InvalidRegionException.class, () -> Regions.parseGeoJson(
                        "{\"type\": \"FeatureCollection\", \"features\": []}", "f.geojson")).getMessage());
        assertTrue(assertThrows(InvalidRegionException.class, () -> Regions.parseGeoJson(
                "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [4, 4], [4, 0], [0, 4], [0, 0]]]}", "f.geojson"))
                .getMessage().startsWith("f.geojson: invalid polygon: Self-intersection at 2.0 2.0"));
        assertTrue(assertThrows(MalformedFileException.class, () -> Regions.parseGeoJson("{\"type\": ", "f.geojson"))
                .getMessage().startsWith("f.geojson: not JSON at character"));
        assertEquals("f.geojson: GeoJSON type 'Topology', expected FeatureCollection, Feature, Polygon or MultiPolygon",
                assertThrows(MalformedFileException.class, () -> Regions.parseGeoJson(
                        "{\"type\": \"Topology\"}", "f.geojson")).getMessage());
        assertEquals("f.geojson: crs 'LOCAL_CS[\"x\"]' names no EPSG code, expected EPSG:code or"
                + " urn:ogc:def:crs:EPSG::code", assertThrows(UnsupportedFeatureException.class,
                        () -> Regions.parseGeoJson("{\"crs\": {\"type\": \"name\", \"properties\": {\"name\":"
                                + " \"LOCAL_CS[\\\"x\\\"]\"}}, " + SQUARE.substring(1), "f.geojson")).getMessage());
        assertTrue(assertThrows(MalformedFileException.class, () -> Regions.parseWkt("POLYGON ((0 0, 1 1", Crs.UNKNOWN))
                .getMessage().startsWith("WKT region: "));
    }
}
