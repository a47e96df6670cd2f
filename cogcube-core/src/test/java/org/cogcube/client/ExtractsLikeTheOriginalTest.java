package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cogcube.RegionOutsideException;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query gives what the original Python method gives on GDAL (gdalwarp -cutline -crop_to_cutline,
 * then numpy masking): the same band-dates kept and dropped, the same arrays, NaN for NaN. Regions
 * in WGS84 GeoJSON (reprojected as gdalwarp reprojects a cutline) and in the cube's CRS; concave,
 * with holes, in several parts, across tile and chunk boundaries, partly outside the cube; COG and
 * VRT-of-chunks cubes; STAC and simple catalogues.
 */
class ExtractsLikeTheOriginalTest {

    @TempDir
    static Path dir;
    static Path cogs;
    static Path vrts;

    static final LocalDate FIRST = TestCubes.DATES.get(0);
    static final LocalDate LAST = TestCubes.DATES.get(TestCubes.DATES.size() - 1);
    static final List<String> BANDS = List.of("B04", "B08");
    static final ReadOptions LAYERS = ReadOptions.defaults().withLayerNames(TestCubes.LAYERS);

    /** Concave (a C open to the east), in WGS84, across the tile boundaries at column 256 and row 256. */
    static final String CONCAVE_WGS84 = polygon(null, "[-2.090,7.234],[-2.045,7.233],[-2.046,7.222],"
            + "[-2.075,7.221],[-2.074,7.205],[-2.047,7.204],[-2.048,7.195],[-2.089,7.196],[-2.090,7.234]");
    /** A square with a square hole, in the cube's CRS (a crs member), across chunk boundaries. */
    static final String HOLE_UTM = polygon("EPSG:32630", "[600503.3,795611.7],[605487.1,795603.2],"
            + "[605491.9,799488.8],[600507.4,799493.1],[600503.3,795611.7]],[[602011.2,797022.5],[604013.8,797018.1],"
            + "[604019.6,798507.3],[602009.9,798511.4],[602011.2,797022.5]");
    /** Two parts in WGS84: one reaching west out of the cube, a triangle in the south east. */
    static final String TWO_PARTS_WGS84 = "{\"type\": \"MultiPolygon\", \"coordinates\": ["
            + "[[[-2.100,7.230],[-2.085,7.2305],[-2.0852,7.220],[-2.1001,7.2203],[-2.100,7.230]]],"
            + "[[[-2.060,7.200],[-2.045,7.210],[-2.050,7.195],[-2.060,7.200]]]]}";
    /** A feature collection in the cube's CRS, partly outside its north-east corner. */
    static final String CORNER_UTM = "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\":"
            + " {\"name\": \"urn:ogc:def:crs:EPSG::32630\"}}, \"features\": [{\"type\": \"Feature\", \"properties\": {},"
            + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[604987.5,798993.2],[607013.1,799003.7],"
            + "[606991.4,801021.9],[605003.8,800987.6],[604987.5,798993.2]]]}}]}";
    /** A rectangle wholly inside the cube: no pixel of its cut lies outside it, so no 0 reads as clear. */
    static final String RECTANGLE_UTM = polygon("EPSG:32630", "[601003,796003],[601497,796003],[601497,796497],"
            + "[601003,796497],[601003,796003]");

    @BeforeAll
    static void writeCubes() {
        cogs = dir.resolve("cogs");
        vrts = dir.resolve("vrts");
        TestCubes.cogCube(cogs);
        TestCubes.vrtCube(cogs, vrts);
    }

    static String polygon(String crs, String rings) {
        String member = crs == null ? "" : "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"" + crs
                + "\"}}, ";
        return "{\"type\": \"Polygon\", " + member + "\"coordinates\": [[" + rings + "]]}";
    }

    private static Path roi(String geoJson) throws IOException {
        Path file = Files.createTempFile(dir, "roi", ".geojson");
        Files.writeString(file, geoJson);
        return file;
    }

    private static void compare(Path cube, String catalogFile, String geoJson, boolean allTouched) throws IOException {
        Path roi = roi(geoJson);
        Region region = Regions.readGeoJson(roi);
        Query query = Query.of(region, BANDS).between(FIRST, LAST).withCloudMask("CLD", 20)
                .withAllTouched(allTouched);
        Extraction extraction = Cube.open(cube.resolve(catalogFile).toString(), LAYERS).extract(query);
        OriginalMethod.Result original = OriginalMethod.run(cube.resolve(Catalogs.SIMPLE_FILE).toString(), BANDS,
                roi, "CLD:20", allTouched, FIRST, LAST, dir);
        Comparison.assertSame(original, extraction, catalogFile + " of " + cube.getFileName() + ", region "
                + geoJson);
        assertTrue(!extraction.cuts().isEmpty(), "expected some cut kept");
    }

    @Test
    void concaveRegionInWgs84CutsLikeTheOriginal() throws IOException {
        compare(cogs, Catalogs.STAC_FILE, CONCAVE_WGS84, false);
    }

    @Test
    void allTouchedCutsLikeTheOriginal() throws IOException {
        compare(cogs, Catalogs.STAC_FILE, CONCAVE_WGS84, true);
    }

    @Test
    void regionWithAHoleInTheCubesCrsCutsLikeTheOriginal() throws IOException {
        compare(cogs, Catalogs.SIMPLE_FILE, HOLE_UTM, false);
    }

    @Test
    void twoPartsOneReachingOutOfTheCubeCutLikeTheOriginal() throws IOException {
        compare(cogs, Catalogs.STAC_FILE, TWO_PARTS_WGS84, false);
    }

    @Test
    void regionPartlyOutsideTheCubeCutsLikeTheOriginal() throws IOException {
        compare(cogs, Catalogs.STAC_FILE, CORNER_UTM, false);
    }

    @Test
    void aFullyCloudyRectangleDropsItsDateAsTheOriginalDoes() throws IOException {
        compare(cogs, Catalogs.STAC_FILE, RECTANGLE_UTM, false);
        Extraction x = Cube.open(cogs.resolve(Catalogs.STAC_FILE).toString())
                .extract(Query.of(Regions.parseGeoJson(RECTANGLE_UTM, "rectangle"), BANDS).withCloudMask("CLD", 20));
        assertTrue(x.dropped().contains(new Dropped("B04", TestCubes.DATES.get(1), Dropped.Reason.CLOUDY)),
                x.dropped().toString());
    }

    @Test
    void vrtMosaicsOfChunksCutLikeTheOriginal() throws IOException {
        compare(vrts, Catalogs.STAC_FILE, CONCAVE_WGS84, false);
        compare(vrts, Catalogs.SIMPLE_FILE, HOLE_UTM, false);
    }

    @Test
    void aRegionEntirelyOutsideTheCubeIsRefused() {
        Region far = Query.bbox(-1.5, 6.0, -1.4, 6.1, org.cogcube.geo.Crs.epsg(4326));
        Cube cube = Cube.open(cogs.resolve(Catalogs.STAC_FILE).toString());
        RegionOutsideException e = assertThrows(RegionOutsideException.class,
                () -> cube.extract(Query.of(far, "B04")));
        assertTrue(e.getMessage().contains("shares no point"), e.getMessage());
    }

    @Test
    void theCubeListsItsDatesLayersAndGrid() {
        Cube cube = Cube.open(cogs.resolve(Catalogs.STAC_FILE).toString());
        assertEquals(TestCubes.DATES, cube.dates());
        assertEquals(TestCubes.LAYERS, cube.layers());
        assertEquals(TestCubes.GRID, cube.grid().orElseThrow());
    }
}
