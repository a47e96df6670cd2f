package org.cogcube.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/ndvi-series}, built by its own pom as a user builds it and run from its runnable
 * jar on the demo cube, prints the field's NDVI that the original method on GDAL gives.
 */
class NdviSeriesExampleTest {
    static final String FIRST = "2018-01-01";
    static final String LAST = "2018-06-30";
    static final Path JAR = Repository.ROOT.resolve("examples/ndvi-series/target/ndvi-series.jar");

    static DemoWorkspace demo;
    static CommandResult example;

    @BeforeAll
    static void runTheExample() {
        demo = DemoWorkspace.get();
        demo.run.orFail();
        assertTrue(Files.isRegularFile(JAR), "expected the example's runnable jar at " + JAR
                + " (the reactor packages examples/ndvi-series before these tests)");
        example = Gdal.execute(Map.of(), Duration.ofMinutes(2), "java", "-jar", JAR.toString(),
                demo.cube().resolve("catalog.json").toString(), demo.cube().resolve("field.geojson").toString(),
                FIRST, LAST).orFail();
    }

    @Test
    void listsTheCubesDatesAndLayers() {
        assertTrue(example.stdout().startsWith("# 52 dates from 2018-01-02 to 2018-12-25, layers B02,"),
                example.stdout());
    }

    @Test
    void printsTheNdviTheOriginalMethodGivesDateByDate() throws IOException {
        Map<String, double[]> expected = originalNdvi(demo.cube());
        Map<String, double[]> printed = new TreeMap<>();
        for (String line : example.stdout().split("\n")) {
            if (line.matches("\\d{4}-\\d\\d-\\d\\d\t.*")) {
                String[] f = line.split("\t");
                printed.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        assertEquals(expected.keySet(), printed.keySet(), "dates kept, original method vs example:\n"
                + example.stdout());
        assertTrue(expected.size() >= 10, "expected most dates of half a year kept, found " + expected.keySet());
        for (var e : expected.entrySet()) {
            double[] p = printed.get(e.getKey());
            assertEquals(e.getValue()[1], p[1], e.getKey() + ": pixels averaged");
            assertEquals(e.getValue()[0], p[0], 1e-6, e.getKey() + ": mean NDVI");
        }
    }

    @Test
    void listsTheDatesItDroppedUnderClouds() {
        assertTrue(example.stdout().contains("# dropped\t"), example.stdout());
    }

    /** Date -> {mean NDVI, pixels} from B04 and B08 as {@code original_method.py} cuts and masks them on GDAL. */
    private static Map<String, double[]> originalNdvi(Path cube) throws IOException {
        Path script = Files.createTempFile(Path.of("target").toAbsolutePath(), "original_method", ".py");
        try (InputStream in = NdviSeriesExampleTest.class.getResourceAsStream("/client/original_method.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path out = Files.createTempFile(Path.of("target").toAbsolutePath(), "original", ".txt");
        Gdal.run(Map.of(), Duration.ofMinutes(3), Gdal.PYTHON, script.toString(),
                cube.resolve("catalog-simple.json").toString(),
                "B02,B03,B04,B05,B06,B07,B08,B8A,B11,B12,CLD,AOT,TCWV,LULC,RAIN", "B04,B08",
                cube.resolve("field.geojson").toString(), "CLD", "20", "0", FIRST, LAST, out.toString());
        Map<String, float[]> red = new TreeMap<>();
        Map<String, float[]> nir = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("dropped")) {
                continue;
            }
            float[] values = new float[Integer.parseInt(f[3]) * Integer.parseInt(f[4])];
            ByteBuffer.wrap(Base64.getDecoder().decode(f[5])).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                    .get(values);
            (f[0].equals("B04") ? red : nir).put(f[1], values);
        }
        Map<String, double[]> ndvi = new TreeMap<>();
        for (var e : red.entrySet()) {
            float[] r = e.getValue();
            float[] n = nir.get(e.getKey());
            if (n == null) {
                continue;
            }
            double sum = 0;
            int pixels = 0;
            for (int i = 0; i < r.length; i++) {
                if (!Float.isNaN(r[i]) && !Float.isNaN(n[i]) && r[i] + n[i] > 0) {
                    sum += (n[i] - r[i]) / (double) (n[i] + r[i]);
                    pixels++;
                }
            }
            if (pixels > 0) {
                ndvi.put(e.getKey(), new double[] {sum / pixels, pixels});
            }
        }
        return ndvi;
    }
}
