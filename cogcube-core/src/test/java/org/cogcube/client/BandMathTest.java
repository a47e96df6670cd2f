package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.catalog.Catalogs;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.region.Regions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Band arithmetic on results: numpy's NDVI on the original's arrays, and the NaN and drop rules. */
class BandMathTest {

    @TempDir
    static Path dir;
    static Path cube;

    static final GridGeometry GRID = new GridGeometry(3, 2, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    static final LocalDate D1 = LocalDate.of(2018, 1, 2);
    static final LocalDate D2 = LocalDate.of(2018, 1, 7);
    static final LocalDate D3 = LocalDate.of(2018, 1, 12);

    @BeforeAll
    static void writeCube() {
        cube = dir.resolve("cube");
        TestCubes.cogCube(cube);
    }

    @Test
    void ndviIsNumpysOnTheOriginalMethodsArrays() throws IOException {
        String field = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {},"
                + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[-2.090,7.234],[-2.045,7.233],"
                + "[-2.046,7.222],[-2.075,7.221],[-2.074,7.205],[-2.047,7.204],[-2.048,7.195],[-2.089,7.196],"
                + "[-2.090,7.234]]]}}]}";
        Path roi = dir.resolve("field.geojson");
        Files.writeString(roi, field);
        LocalDate first = TestCubes.DATES.get(0);
        LocalDate last = TestCubes.DATES.get(TestCubes.DATES.size() - 1);
        Extraction x = Cube.open(cube.resolve(Catalogs.STAC_FILE).toString()).extract(Query.of(
                Regions.readGeoJson(roi), "B04", "B08").between(first, last).withCloudMask("CLD", 20));
        Series ndvi = x.evaluate("NDVI", "(B08-B04)/(B08+B04)");
        OriginalMethod.Zonal original = OriginalMethod.zonal(cube.resolve(Catalogs.SIMPLE_FILE).toString(), roi,
                null, "CLD:20", false, first, last, List.of("NDVI=(B08-B04)/(B08+B04)"), dir);
        List<String> keptByNumpy = original.arrays().keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1))
                .sorted().toList();
        assertEquals(keptByNumpy, ndvi.cuts().stream().map(c -> OriginalMethod.key(c.band(), c.date())).sorted()
                .toList(), "dates kept");
        assertTrue(ndvi.cuts().size() >= 3, "several dates kept: " + ndvi.cuts().size());
        for (LayerCut cut : ndvi.cuts()) {
            OriginalMethod.Cut numpy = original.arrays().get("1 " + OriginalMethod.key("NDVI", cut.date()));
            assertEquals(numpy.width() + "x" + numpy.height(), cut.grid().width() + "x" + cut.grid().height());
            float[] here = cut.values();
            for (int i = 0; i < here.length; i++) {
                assertEquals(Float.floatToIntBits(numpy.values()[i]), Float.floatToIntBits(here[i]),
                        cut.date() + " pixel " + i + ": numpy " + numpy.values()[i] + ", here " + here[i]);
            }
        }
        // 2018-01-07 is cloud everywhere, but the C's cut reads clear 0s around it: all NaN, not cloudy.
        assertEquals(List.of(new Dropped("NDVI", LocalDate.of(2018, 1, 7), Dropped.Reason.NO_DATA),
                new Dropped("NDVI", LocalDate.of(2018, 1, 27), Dropped.Reason.NO_DATA)), ndvi.dropped(),
                "dropped as its bands were");
    }

    @Test
    void nanPropagatesAndDivisionByZeroGivesNaN() {
        Extraction x = extraction(List.of(cut("A", D1, GRID, 1, 2, Float.NaN, 0, -4, 3),
                cut("B", D1, GRID, 1, -2, 5, 0, 4, Float.NaN)), List.of());
        float[] v = x.evaluate("R", "(A - B) / (A + B)").get(D1).orElseThrow().values();
        assertEquals(0f, v[0], "(1-1)/(1+1)");
        assertTrue(Float.isNaN(v[1]), "2 + -2 = 0: division by zero gives NaN, found " + v[1]);
        assertTrue(Float.isNaN(v[2]), "NaN in, NaN out, found " + v[2]);
        assertTrue(Float.isNaN(v[3]), "0/0, found " + v[3]);
        assertTrue(Float.isNaN(v[4]), "-8/0, found " + v[4]);
        assertTrue(Float.isNaN(v[5]), "NaN in, NaN out, found " + v[5]);
        float[] big = x.evaluate("R", "A * 1e300").get(D1).orElseThrow().values();
        assertTrue(Float.isNaN(big[0]), "too large for float32: NaN, found " + big[0]);
    }

    @Test
    void aDateWhereABandWasDroppedIsDroppedWithItsReason() {
        Extraction x = extraction(List.of(cut("A", D1, GRID, 1, 1, 1, 1, 1, 1), cut("B", D1, GRID, 1, 1, 1, 1, 1, 1),
                cut("A", D2, GRID, 1, 1, 1, 1, 1, 1), cut("A", D3, GRID, 1, 1, 1, 1, 1, 1),
                cut("B", D3, GRID, 1, 1, 1, 1, 1, 1)), List.of(new Dropped("B", D2, Dropped.Reason.CLOUDY)));
        Series r = x.evaluate("R", "A - B");
        assertEquals(List.of(D1, D3), r.cuts().stream().map(LayerCut::date).toList(), "0 is a value, kept");
        assertEquals(List.of(new Dropped("R", D2, Dropped.Reason.CLOUDY)), r.dropped());
    }

    @Test
    void bandsOnDifferentGridsAtADateAreAnErrorNamingThem() {
        GridGeometry coarse = new GridGeometry(3, 2, GeoTransform.northUp(600000, 800000, 20, 20), Crs.epsg(32630));
        Extraction x = extraction(List.of(cut("B04", D1, GRID, 1, 1, 1, 1, 1, 1),
                cut("B8A", D1, coarse, 1, 1, 1, 1, 1, 1)), List.of());
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> x.evaluate("N", "B8A / B04"));
        assertTrue(e.getMessage().contains("band B8A is cut to 3x2 pixels of 20.0") && e.getMessage()
                .contains("band B04 to 3x2 pixels of 10.0") && e.getMessage().contains("2018-01-02"), e.getMessage());
    }

    @Test
    void anExpressionOnABandNotAskedForIsRefused() {
        Extraction x = extraction(List.of(cut("A", D1, GRID, 1, 1, 1, 1, 1, 1)), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.evaluate("R", "A - C"));
        assertTrue(e.getMessage().contains("no band 'C'"), e.getMessage());
    }

    private static Extraction extraction(List<LayerCut> cuts, List<Dropped> dropped) {
        List<String> bands = new ArrayList<>();
        cuts.forEach(c -> {
            if (!bands.contains(c.band())) {
                bands.add(c.band());
            }
        });
        Query q = Query.of(Query.bbox(0, 0, 1, 1, Crs.epsg(4326)), bands);
        return new Extraction(q, cuts, dropped);
    }

    private static LayerCut cut(String band, LocalDate date, GridGeometry grid, float... values) {
        return new LayerCut(band, date, BandMath.floats(grid, values));
    }
}
