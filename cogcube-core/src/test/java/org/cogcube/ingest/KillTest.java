package org.cogcube.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.cog.GeoTiff;
import org.cogcube.raster.Window;
import org.cogcube.testing.Landsat;
import org.cogcube.vrt.Vrt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills ingests at random moments (seeded) in a child JVM and checks after each that the cube is
 * whole: both catalogues parse and every file they name opens and reads.
 */
final class KillTest {
    static final int TRIALS = 30;
    static final long SEED = 20180102;

    @TempDir
    Path dir;

    @Test
    void anIngestKilledAtAnyMomentLeavesAValidCube() throws Exception {
        Landsat.scene(); // fetched here, not in a child
        Path cube = LandsatCube.create(dir.resolve("cube"));
        long start = System.nanoTime();
        assertTrue(runChild(cube, 0, Long.MAX_VALUE), "a first, uninterrupted ingest");
        long fullMillis = (System.nanoTime() - start) / 1_000_000;
        checkWhole(cube);
        Random random = new Random(SEED);
        int killed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            long delay = (long) (random.nextDouble() * fullMillis * 1.5);
            if (!runChild(cube, 1 - trial % 2, delay)) {
                killed++;
            }
            checkWhole(cube);
        }
        System.out.printf("kill test: %d trials (seed %d), %d killed mid-ingest, each full run about %d ms;"
                + " the cube was whole after every one%n", TRIALS, SEED, killed, fullMillis);
        assertTrue(killed >= TRIALS / 3, "most trials should kill an ingest under way, killed " + killed);
        assertTrue(runChild(cube, 0, Long.MAX_VALUE), "a last, uninterrupted ingest");
        checkWhole(cube);
        try (Stream<Path> files = Files.walk(cube)) {
            assertEquals(List.of(), files.filter(f -> Garbage.TEMPORARY.matcher(f.getFileName().toString()).matches())
                    .toList(), "the last ingest collected every temporary file");
        }
    }

    /** Runs an ingest in a child JVM, killing it after {@code killAfterMillis}; whether it finished. */
    private static boolean runChild(Path cube, int variant, long killAfterMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IngestChild.class.getName(), cube.toString(), Integer.toString(variant))
                .redirectErrorStream(true).redirectOutput(new File(cube.getParent().toFile(), "child.log")).start();
        if (killAfterMillis == Long.MAX_VALUE) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the ingest finishes");
            assertEquals(0, p.exitValue(), () -> log(cube));
            return true;
        }
        if (p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            assertEquals(0, p.exitValue(), () -> log(cube));
            return true;
        }
        p.destroyForcibly();
        p.waitFor(1, TimeUnit.MINUTES);
        return false;
    }

    private static String log(Path cube) {
        try {
            return Files.readString(cube.getParent().resolve("child.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Both catalogues parse and every href opens and reads. */
    static void checkWhole(Path cube) {
        Catalog stac = Catalogs.open(cube.resolve(Catalogs.STAC_FILE).toString());
        Catalog simple = Catalogs.open(cube.resolve(Catalogs.SIMPLE_FILE).toString(),
                ReadOptions.defaults().withLayerNames(stac.layerNames()));
        List<Asset> assets = new ArrayList<>();
        for (Catalog c : List.of(stac, simple)) {
            for (Acquisition a : c.acquisitions()) {
                assets.addAll(a.assets());
            }
        }
        assertFalse(assets.isEmpty(), "the catalogue lists files");
        for (Asset a : assets) {
            String path = Path.of(a.href()).toString();
            if (path.endsWith(".vrt")) {
                try (Vrt v = Vrt.open(path)) {
                    v.read(Window.full(v.grid().width(), v.grid().height()));
                }
            } else {
                try (GeoTiff t = GeoTiff.open(path)) {
                    t.read(Window.full(t.grid().width(), t.grid().height()));
                }
            }
        }
    }
}
