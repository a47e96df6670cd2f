package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.Landsat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    static final String BOUNDS = "288750,9110700,298740,9120780";

    @TempDir
    Path dir;

    @Test
    void createsACubeAndIngestsLandsatBandsLikeGdalwarp() {
        String cube = dir.resolve("cube").toString();
        CliRun created = CliRun.of("create", cube, "--crs", "EPSG:32725", "--resolution", "30", "--bounds", BOUNDS);
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().contains("created cube"), created.out());
        assertEquals(0, CliRun.of("create", "-q", cube, "--crs", "EPSG:32725", "--resolution", "30", "--bounds",
                BOUNDS).exitCode(), "the same grid again is fine");
        String scene = Landsat.scene().toString();
        CliRun run = CliRun.of("ingest", cube, "--date", "2018-01-02", "--layer", "B3=" + scene + "#3",
                "--layer", "B4=" + scene + "#4", "--resampling", "bilinear", "--derive", "NDVI=(B4-B3)/(B4+B3)");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ingested 2018-01-02"), run.out());
        Catalog catalog = Catalogs.open(Path.of(cube, "catalog.json").toString());
        assertEquals(java.util.List.of("B3", "B4", "NDVI"), catalog.layerNames());
        Path gdal = dir.resolve("gdal.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:32725", "-tr", "30", "30", "-te", "288750", "9110700", "298740",
                "9120780", "-r", "bilinear", scene, gdal.toString());
        String b4 = Path.of(catalog.acquisitions().get(0).asset("B4").orElseThrow().href()).toString();
        assertArrayEquals(Gdal.readWindow(gdal.toString(), 4, 0, 0, 333, 336, -1),
                Gdal.readWindow(b4, 1, 0, 0, 333, 336, -1));
    }

    @Test
    void refusesAnotherGridAndBadOptionsInOneLine() {
        String cube = dir.resolve("cube").toString();
        CliRun.of("create", "-q", cube, "--crs", "EPSG:32725", "--resolution", "30", "--bounds", BOUNDS);
        CliRun other = CliRun.of("create", cube, "--crs", "EPSG:32725", "--resolution", "10", "--bounds", BOUNDS);
        assertEquals(1, other.exitCode());
        assertTrue(other.err().startsWith("cogcube: ") && other.err().contains("another grid"), other.err());
        CliRun bad = CliRun.of("ingest", cube, "--date", "2018-13-02", "--layer", "B1=x.tif");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--date expects YYYY-MM-DD"), bad.err());
        CliRun method = CliRun.of("ingest", cube, "--date", "2018-01-02", "--layer", "B1=x.tif", "--resampling",
                "cubic");
        assertEquals(2, method.exitCode());
        assertTrue(method.err().contains("expected nearest, bilinear, average or mode"), method.err());
        CliRun missing = CliRun.of("ingest", cube, "--date", "2018-01-02", "--layer", "B1=" + dir.resolve("none.tif"));
        assertEquals(1, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }

    @Test
    void helpShowsExamples() {
        assertTrue(CliRun.of("ingest", "--help").out().contains("--derive 'NDVI=(B08-B04)/(B08+B04)'"));
        assertTrue(CliRun.of("create", "--help").out().contains("--bounds"));
    }
}
