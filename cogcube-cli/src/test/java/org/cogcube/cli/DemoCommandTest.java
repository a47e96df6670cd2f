package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.testing.CogValidation;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.Landsat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cogcube demo --no-serve} writes a year of a cube GDAL reads, and charts one field's crop
 * season; with {@code --real-sample}, it also ingests the real Landsat scene as a second cube.
 */
class DemoCommandTest {

    @TempDir
    static Path dir;
    static Path cube;
    static CliRun run;

    @BeforeAll
    static void runDemo() {
        cube = dir.resolve("cube");
        run = CliRun.of("demo", "--no-serve", "--dir", cube.toString(), "--real-sample", Landsat.scene().toString());
    }

    @Test
    void listsAYearOfWeeklyAcquisitions() {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("52 acquisitions from 2018-01-02 to 2018-12-25, layers "
                + "B02,B03,B04,B05,B06,B07,B08,B8A,B11,B12,CLD,AOT,TCWV,LULC,RAIN"), run.out());
    }

    @Test
    void chartsAFieldFromBareSoilToItsPeak() {
        Matcher row = Pattern.compile("(?m)^  (\\d{4}-\\d\\d-\\d\\d)\\s+(\\d+)\\s+(-?\\d\\.\\d\\d)\\s+(\\d+)\\s+#*$")
                .matcher(run.out());
        List<Double> ndvi = new ArrayList<>();
        List<Double> rain = new ArrayList<>();
        while (row.find()) {
            rain.add(Double.parseDouble(row.group(2)));
            ndvi.add(Double.parseDouble(row.group(3)));
        }
        assertTrue(ndvi.size() >= 20, "expected most of 52 dates kept after the cloud mask, found " + ndvi.size()
                + " in:\n" + run.out());
        for (double v : ndvi) {
            assertTrue(v >= 0.05 && v <= 0.9, "expected NDVI in 0.05..0.9, found " + v + " in:\n" + run.out());
        }
        double min = ndvi.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = ndvi.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(min < 0.2, "expected bare soil (NDVI < 0.2) at some date, lowest " + min);
        assertTrue(max > 0.65, "expected a green peak (NDVI > 0.65) at some date, highest " + max);
        assertTrue(rain.stream().anyMatch(mm -> mm < 10) && rain.stream().anyMatch(mm -> mm > 50),
                "expected dry weeks and wet ones, found " + rain);
    }

    @Test
    void writesCogsGdalValidates() {
        CogValidation b04 = Gdal.validateCog(cube.resolve("2018-01-02/B04.tif"));
        assertTrue(b04.valid(), b04.output());
        for (String file : new String[] {"2018-06-05/B11.tif", "2018-06-05/CLD.tif", "2018-06-05/RAIN.tif",
            "static/LULC.tif"}) {
            CogValidation v = Gdal.validateCog(cube.resolve(file));
            assertTrue(v.valid(), v.output());
        }
    }

    @Test
    void gdalOpensTheStacCatalogue() {
        assertTrue(Files.isRegularFile(cube.resolve("catalog-simple.json")));
        CommandResult info = Gdal.execute(Map.of(), Gdal.DEFAULT_TIMEOUT, "sh", "-c",
                "cd '" + cube + "' && gdalinfo 'STACIT:\"catalog.json\":asset=B04'").orFail();
        assertTrue(info.stdout().contains("Size is 1024, 1024"), info.stdout());
        assertTrue(info.stdout().contains("UTM zone 30N"), info.stdout());
    }

    @Test
    void writesB08AsChunksAndAVrtGdalReadsWhole() {
        CommandResult info = Gdal.execute(Map.of(), Gdal.DEFAULT_TIMEOUT, "gdalinfo",
                cube.resolve("2018-07-10/B08.vrt").toString()).orFail();
        assertTrue(info.stdout().contains("Size is 1024, 1024"), info.stdout());
        CogValidation chunk = Gdal.validateCog(cube.resolve("2018-07-10/B08.r1c1.tif"));
        assertTrue(chunk.valid(), chunk.output());
        String vrt = cube.resolve("2018-07-10/B08.vrt").toString();
        assertArrayEquals(Gdal.readWindow(cube.resolve("2018-07-10/B08.r1c1.tif").toString(), 1, 0, 0, 16, 16, -1),
                Gdal.readWindow(vrt, 1, 512, 512, 16, 16, -1));
        double[] corner = Gdal.readWindow(vrt, 1, 500, 500, 24, 24, -1);
        assertTrue(java.util.Arrays.stream(corner).allMatch(v -> v > 0),
                "expected reflectances across the chunks' corner, found " + java.util.Arrays.toString(corner));
    }

    @Test
    void ingestsTheRealLandsatSceneAsASecondCubeOnItsOwnGrid() throws Exception {
        assertTrue(run.out().contains("as a second cube in " + cube.resolve("landsat").toAbsolutePath().normalize()),
                run.out());
        org.cogcube.client.Cube landsat = org.cogcube.client.Cube.open(cube.resolve("landsat/catalog.json").toString());
        assertEquals(List.of(java.time.LocalDate.of(2000, 1, 1)), landsat.dates());
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5", "B7", "NDVI"), landsat.layers());
        Path day = cube.resolve("landsat/2000-01-01");
        Path b4;
        try (var files = Files.list(day)) {
            b4 = files.filter(f -> f.getFileName().toString().matches("B4\\..*\\.tif")).findFirst().orElseThrow();
        }
        CogValidation v = Gdal.validateCog(b4);
        assertTrue(v.valid(), v.output());
        // the cube's grid is the scene's: band 4 comes through pixel for pixel
        assertArrayEquals(Gdal.readWindow(Landsat.scene().toString(), 4, 0, 0, 349, 352, -1),
                Gdal.readWindow(b4.toString(), 1, 0, 0, 349, 352, -1));
        Matcher ndvi = Pattern.compile("mean NDVI (-?\\d\\.\\d\\d)").matcher(run.out());
        assertTrue(ndvi.find(), run.out());
        double mean = Double.parseDouble(ndvi.group(1));
        assertTrue(mean > -1 && mean < 1, "mean NDVI " + mean);
    }
}
