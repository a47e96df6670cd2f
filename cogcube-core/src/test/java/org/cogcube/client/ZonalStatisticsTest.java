package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.expression.NamedExpression;
import org.cogcube.io.BlockCache;
import org.cogcube.io.OpenOptions;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zonal statistics equal numpy's on the arrays of the original method run once per feature: fields
 * concave, overlapping, in two parts reaching out of the cube, tiny; on a cube with clouds.
 */
class ZonalStatisticsTest {

    @TempDir
    static Path dir;
    static Path cube;

    static final LocalDate FIRST = TestCubes.DATES.get(0);
    static final LocalDate LAST = TestCubes.DATES.get(TestCubes.DATES.size() - 1);
    static final List<String> VARIABLES = List.of("B04=B04", "NDVI=(B08-B04)/(B08+B04)", "B08=B08");

    /** Four fields in WGS84: a C, a rectangle across it, two parts (one reaching west out of the cube), a tiny one. */
    static final String FIELDS = "{\"type\": \"FeatureCollection\", \"features\": ["
            + feature("\"id\": \"concave\", ", "{\"name\": \"C field\"}", "[[[-2.090,7.234],[-2.045,7.233],"
                    + "[-2.046,7.222],[-2.075,7.221],[-2.074,7.205],[-2.047,7.204],[-2.048,7.195],[-2.089,7.196],"
                    + "[-2.090,7.234]]]")
            + ", " + feature("\"id\": 7, ", "{\"name\": \"across, \\\"east\\\"\"}", "[[[-2.080,7.200],[-2.060,7.2003],"
                    + "[-2.0603,7.230],[-2.0801,7.2298],[-2.080,7.200]]]")
            + ", {\"type\": \"Feature\", \"properties\": {\"name\": \"parts\"}, \"geometry\": {\"type\": \"MultiPolygon\","
            + " \"coordinates\": [[[[-2.100,7.230],[-2.085,7.2305],[-2.0852,7.220],[-2.1001,7.2203],[-2.100,7.230]]],"
            + "[[[-2.060,7.200],[-2.045,7.210],[-2.050,7.195],[-2.060,7.200]]]]}}"
            + ", " + feature("\"id\": \"tiny\", ", "{\"name\": \"tiny\"}", "[[[-2.05362,7.22709],[-2.05292,7.22709],"
                    + "[-2.05292,7.22778],[-2.05362,7.22778],[-2.05362,7.22709]]]")
            + "]}";

    static String feature(String id, String properties, String rings) {
        return "{\"type\": \"Feature\", " + id + "\"properties\": " + properties
                + ", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + rings + "}}";
    }

    @BeforeAll
    static void writeCube() throws IOException {
        cube = dir.resolve("cube");
        TestCubes.cogCube(cube);
        Files.writeString(dir.resolve("fields.geojson"), FIELDS);
    }

    private static Cube open() {
        return Cube.open(cube.resolve(Catalogs.STAC_FILE).toString(), ReadOptions.defaults()
                .withIo(OpenOptions.defaults().withCache(new BlockCache(64 << 20, 64 << 10))));
    }

    private static void compareWithTheOriginal(String idProperty, boolean allTouched) {
        Path roi = dir.resolve("fields.geojson");
        Query query = Query.of(Regions.readGeoJson(roi), "B04").between(FIRST, LAST).withCloudMask("CLD", 20)
                .withAllTouched(allTouched);
        List<ZonalStatistics.Row> rows = Cube.join(ZonalStatistics.computeAsync(open(), query,
                VARIABLES.stream().map(NamedExpression::parse).toList(), Optional.ofNullable(idProperty),
                ProgressListener.NONE));
        OriginalMethod.Zonal original = OriginalMethod.zonal(cube.resolve(Catalogs.SIMPLE_FILE).toString(), roi,
                idProperty, "CLD:20", allTouched, FIRST, LAST, VARIABLES, dir);
        CsvComparison.assertClose(original.csv(), ZonalStatistics.csv(rows), 1e-6);
        assertEquals(4 * TestCubes.DATES.size() * VARIABLES.size(), rows.size(), "a row per field, date, variable");
        assertTrue(rows.stream().anyMatch(r -> r.statistics().validPixels() == 0 && r.statistics().totalPixels() > 0),
                "some field is cloudy at some date");
    }

    @Test
    void statisticsPerFieldAreNumpysOnTheOriginalMethodsArrays() {
        compareWithTheOriginal(null, false);
    }

    @Test
    void allTouchedStatisticsNamedByAPropertyAreNumpysToo() {
        compareWithTheOriginal("name", true);
    }

    @Test
    void writesTheGoldenCsvForTwoSmallFields() throws IOException {
        String fields = "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\":"
                + " \"EPSG:32630\"}}, \"features\": ["
                + feature("", "{\"field\": \"north, \\\"A\\\"\"}", "[[[604480,798960],[604560,798960],[604560,799040],"
                        + "[604480,799040],[604480,798960]]]")
                + ", " + feature("", "{\"field\": 12}", "[[[601000,796000],[601020,796000],[601020,796030],"
                        + "[601000,796030],[601000,796000]]]") + "]}";
        Region region = Regions.parseGeoJson(fields, "fields");
        Query query = Query.of(region, "B04").on(TestCubes.DATES.get(0), TestCubes.DATES.get(1),
                TestCubes.DATES.get(4)).withCloudMask("CLD", 20);
        List<ZonalStatistics.Row> rows = Cube.join(ZonalStatistics.computeAsync(open(), query,
                List.of(NamedExpression.identity("B04"), NamedExpression.parse("NDVI=(B08-B04)/(B08+B04)")),
                Optional.of("field"), ProgressListener.NONE));
        try (InputStream in = getClass().getResourceAsStream("/client/zonal_golden.csv")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), ZonalStatistics.csv(rows));
        }
    }

    @Test
    void opensEachFileOnceForAllFields() {
        java.util.Map<String, Integer> opens = new java.util.concurrent.ConcurrentHashMap<>();
        Cube counting = Cube.of(Catalogs.open(cube.resolve(Catalogs.STAC_FILE).toString()), location -> {
            opens.merge(location, 1, Integer::sum);
            return org.cogcube.io.RangeReaders.open(location);
        }, w -> { });
        Query query = Query.of(Regions.parseGeoJson(FIELDS, "fields"), "B04").withCloudMask("CLD", 20);
        List<ZonalStatistics.Row> rows = ZonalStatistics.compute(counting, query,
                List.of(NamedExpression.parse("NDVI=(B08-B04)/(B08+B04)")));
        assertEquals(4 * TestCubes.DATES.size(), rows.size());
        assertEquals(TestCubes.DATES.size() * TestCubes.LAYERS.size(), opens.size(), "every file read");
        assertTrue(opens.values().stream().allMatch(n -> n == 1), "each file opened once for the four fields: "
                + opens);
    }

    @Test
    void aFieldOutsideTheCubeGetsRowsOfNoPixels() {
        Region far = Query.bbox(-1.5, 6.0, -1.4, 6.1, org.cogcube.geo.Crs.epsg(4326));
        List<ZonalStatistics.Row> rows = ZonalStatistics.compute(open(), Query.of(far, "B04").on(FIRST),
                List.of(NamedExpression.identity("B04")));
        assertEquals(List.of(new ZonalStatistics.Row("1", FIRST, "B04", Statistics.none(0))), rows);
    }

    @Test
    void aMissingIdPropertyNamesTheFeature() {
        Region region = Regions.parseGeoJson(FIELDS, "fields");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZonalStatistics.featureIds(region, Optional.of("crop")));
        assertTrue(e.getMessage().contains("feature 1 (id concave) has no property 'crop'"), e.getMessage());
        assertEquals(List.of("concave", "7", "3", "tiny"), ZonalStatistics.featureIds(region, Optional.empty()));
    }

    @Test
    void variablesMustDifferAndReadABand() {
        Query query = Query.of(Regions.parseGeoJson(FIELDS, "fields"), "B04");
        assertThrows(IllegalArgumentException.class, () -> ZonalStatistics.compute(open(), query,
                List.of(NamedExpression.identity("B04"), NamedExpression.parse("B04=B08"))));
        assertThrows(IllegalArgumentException.class, () -> ZonalStatistics.compute(open(), query,
                List.of(NamedExpression.parse("ONE=1"))));
    }
}
