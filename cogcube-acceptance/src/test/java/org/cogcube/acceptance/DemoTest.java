package org.cogcube.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./cogcube demo --no-serve}, run through the launcher in a fresh folder, charts a crop
 * season and writes a cube whose every COG GDAL's validator accepts and whose two catalogues GDAL
 * opens, layer by layer and file by file.
 */
class DemoTest {
    static final String LAYERS = "B02,B03,B04,B05,B06,B07,B08,B8A,B11,B12,CLD,AOT,TCWV,LULC,RAIN";

    /** Validates every .tif under the cube with GDAL's COG validator; prints "FILE: errors" per refusal, then a count. */
    static final String VALIDATE_ALL = """
            import os, sys
            from osgeo import gdal
            from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
            gdal.UseExceptions()
            count = 0
            for root, _, files in os.walk(sys.argv[1]):
                for name in sorted(files):
                    if name.endswith(".tif"):
                        path = os.path.join(root, name)
                        _, errors, _ = validate(path, full_check=True)
                        if errors:
                            print(path + ": " + "; ".join(errors))
                        count += 1
            print("validated", count)
            """;

    /**
     * Opens catalog.json with GDAL's STACIT driver for each layer (from the cube's folder: GDAL 3.6
     * resolves relative hrefs against the working folder) and every file catalog-simple.json names
     * with GDAL; prints "LAYER WIDTHxHEIGHT" per layer, then how many simple hrefs opened.
     */
    static final String OPEN_CATALOGUES = """
            import json, os, sys
            from osgeo import gdal
            gdal.UseExceptions()
            os.chdir(sys.argv[1])
            for layer in sys.argv[2].split(","):
                ds = gdal.Open('STACIT:"catalog.json":asset=' + layer)
                print(layer, "%dx%d" % (ds.RasterXSize, ds.RasterYSize))
            simple = json.load(open("catalog-simple.json"))
            opened = 0
            for date, hrefs in simple.items():
                for href in hrefs:
                    ds = gdal.Open(href)
                    if ds.RasterCount < 1:
                        sys.exit(date + ": " + href + " has no band")
                    opened += 1
            print("simple", len(simple), "dates", opened, "files")
            """;

    /** Where Debian installs r-cran-stars's Landsat scene: the demo ingests it when it is there. */
    static final Path REAL_SAMPLE = Path.of("/usr/lib/R/site-library/stars/tif/L7_ETMs.tif");

    static DemoWorkspace demo;

    @BeforeAll
    static void runTheDemo() {
        demo = DemoWorkspace.get();
    }

    @Test
    void listsAYearOfWeeklyAcquisitionsAndExitsZero() {
        assertEquals(0, demo.run.exitCode(), demo.run.stderr());
        assertTrue(demo.run.stdout().contains("52 acquisitions from 2018-01-02 to 2018-12-25, layers " + LAYERS),
                demo.run.stdout());
    }

    @Test
    void chartsAFieldsNdviWithinTheCropSeasonsRange() {
        Matcher row = Pattern.compile("(?m)^  (\\d{4}-\\d\\d-\\d\\d)\\s+(\\d+)\\s+(-?\\d\\.\\d\\d)\\s+(\\d+)\\s+#*$")
                .matcher(demo.run.stdout());
        List<Double> ndvi = new ArrayList<>();
        while (row.find()) {
            ndvi.add(Double.parseDouble(row.group(3)));
        }
        assertTrue(ndvi.size() >= 20, "expected most of 52 dates kept, found " + ndvi.size() + ":\n" + demo.run.stdout());
        // The demo's crops: bare soil 0.12-0.18, peaks 0.72-0.84 (DemoPhenology), blurred a little by noise.
        assertTrue(ndvi.stream().allMatch(v -> v >= 0.05 && v <= 0.9), "NDVI outside 0.05..0.9: " + ndvi);
        assertTrue(ndvi.stream().anyMatch(v -> v < 0.2), "expected bare soil (NDVI < 0.2) at some date: " + ndvi);
        assertTrue(ndvi.stream().anyMatch(v -> v > 0.65), "expected a green peak (NDVI > 0.65) at some date: " + ndvi);
    }

    @Test
    void ingestsTheInstalledRealSampleAsASecondCube() {
        Assumptions.assumeTrue(Files.isRegularFile(REAL_SAMPLE), "r-cran-stars is not installed");
        assertTrue(demo.run.stdout().contains("as a second cube in " + demo.cube().resolve("landsat")), demo.run.stdout());
        CommandResult r = Gdal.execute(Map.of(), Duration.ofMinutes(1), "sh", "-c", "cd '" + demo.cube().resolve("landsat")
                + "' && gdalinfo 'STACIT:\"catalog.json\":asset=B4'").orFail();
        assertTrue(r.stdout().contains("Size is 349, 352") && r.stdout().contains("UTM zone 25S"), r.stdout());
    }

    @Test
    void gdalValidatesEveryCogItWrote() {
        CommandResult r = Gdal.execute(Map.of(), Duration.ofMinutes(5), Gdal.PYTHON, "-c", VALIDATE_ALL,
                demo.cube().toString()).orFail();
        // 52 dates x (Sentinel-2's 13 layers but B08, RAIN, and B08's 4 chunks) + the land-use layer,
        // and the real sample's 6 bands and NDVI where r-cran-stars is installed
        int expected = 52 * (12 + 1 + 4) + 1 + (Files.isRegularFile(REAL_SAMPLE) ? 7 : 0);
        assertEquals("validated " + expected, r.stdout().strip(), r.stdout());
    }

    @Test
    void gdalOpensBothCatalogues() {
        CommandResult r = Gdal.execute(Map.of(), Duration.ofMinutes(5), Gdal.PYTHON, "-c", OPEN_CATALOGUES,
                demo.cube().toString(), LAYERS).orFail();
        String out = r.stdout();
        for (String layer : List.of("B04", "B08", "CLD", "LULC")) {
            assertTrue(out.contains(layer + " 1024x1024"), out);
        }
        assertTrue(out.contains("B11 512x512") && out.contains("RAIN 10x10"), out);
        assertTrue(out.contains("simple 52 dates " + 52 * 15 + " files"), out);
    }
}
