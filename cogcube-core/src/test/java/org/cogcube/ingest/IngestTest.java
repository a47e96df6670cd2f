package org.cogcube.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.MediaTypes;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.Landsat;
import org.cogcube.warp.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Landsat scene ingested band by band, read back by GDAL and compared with gdalwarp. */
final class IngestTest {
    @TempDir
    Path dir;

    @Test
    void ingestsLandsatBandByBandEqualToGdalwarp() {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        Ingest.Result result = Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(),
                IngestOptions.defaults().withResampling(Kernel.AVERAGE));
        Path gdal = dir.resolve("gdal.tif");
        Gdal.run("gdalwarp", "-q", "-t_srs", "EPSG:32725", "-tr", "30", "30", "-te", "288750", "9110700", "298740",
                "9120780", "-r", "average", Landsat.scene().toString(), gdal.toString());
        Catalog catalog = Catalogs.open(cube.resolve(Catalogs.STAC_FILE).toString());
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5", "B6"), catalog.layerNames());
        assertEquals(LandsatCube.GRID, catalog.grid().orElseThrow());
        for (int b = 1; b <= 6; b++) {
            Path file = result.files().get("B" + b);
            assertTrue(file.getFileName().toString().matches("B" + b + "\\.[0-9a-f]{16}\\.tif"), file.toString());
            assertTrue(Gdal.validateCog(file).valid(), Gdal.validateCog(file).toString());
            double[] ours = Gdal.readWindow(file.toString(), 1, 0, 0, 333, 336, -1);
            double[] theirs = Gdal.readWindow(gdal.toString(), b, 0, 0, 333, 336, -1);
            assertArrayEquals(theirs, ours, "band " + b + " as GDAL reads our COG, against gdalwarp -r average");
        }
    }

    @Test
    void theSameIngestTwiceGivesTheSameBytes() throws IOException {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        IngestOptions options = IngestOptions.defaults().withDerivations(List.of(Derivation.parse("ND=(B4-B3)/(B4+B3)")));
        Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(), options);
        Map<String, byte[]> first = contents(cube);
        Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(), options);
        Map<String, byte[]> second = contents(cube);
        assertEquals(first.keySet(), second.keySet());
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), second.get(name), name + " changed on the second ingest");
        }
    }

    @Test
    void replacingALayerKeepsTheOldFileUntilTheNextIngest() throws IOException {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        Path nearest = Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(), IngestOptions.defaults())
                .files().get("B1");
        Path average = Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(),
                IngestOptions.defaults().withResampling(Kernel.AVERAGE)).files().get("B1");
        assertTrue(!nearest.equals(average) && Files.exists(nearest) && Files.exists(average),
                "a reader of the previous catalogue can still read its file");
        Ingest.Result third = Ingest.run(cube, LandsatCube.DATE, LandsatCube.bands(),
                IngestOptions.defaults().withResampling(Kernel.AVERAGE));
        assertTrue(!Files.exists(nearest), "the next ingest collects it");
        assertEquals(6, third.collected());
    }

    @Test
    void writesLargeLayersAsChunksAndAVrtThatGdalReads() {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        Path single = Ingest.run(cube, LandsatCube.DATE, Map.of("B4", LandsatCube.bands().get("B4")),
                IngestOptions.defaults()).files().get("B4");
        double[] expected = Gdal.readWindow(single.toString(), 1, 0, 0, 333, 336, -1);
        Path cube2 = LandsatCube.create(dir.resolve("chunked"));
        Path vrt = Ingest.run(cube2, LandsatCube.DATE, Map.of("B4", LandsatCube.bands().get("B4")),
                IngestOptions.defaults().withChunkSize(128)).files().get("B4");
        assertTrue(vrt.toString().endsWith(".vrt"), vrt.toString());
        assertArrayEquals(expected, Gdal.readWindow(vrt.toString(), 1, 0, 0, 333, 336, -1), "GDAL reads the VRT");
        Asset asset = Catalogs.open(cube2.resolve(Catalogs.STAC_FILE).toString()).acquisitions().get(0)
                .asset("B4").orElseThrow();
        assertEquals(MediaTypes.VRT, asset.mediaType());
        try (Stream<Path> files = Files.list(vrt.getParent())) {
            assertEquals(9 + 1, files.count(), "3 x 3 chunks of 128 and the VRT");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesADerivationOfALayerTheDateLacks() {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        org.cogcube.UnknownLayerException e = assertThrows(org.cogcube.UnknownLayerException.class,
                () -> Ingest.run(cube, LandsatCube.DATE, Map.of("B4", LandsatCube.bands().get("B4")),
                        IngestOptions.defaults().withDerivations(List.of(Derivation.parse("NDVI=(B8-B4)/(B8+B4)")))));
        assertTrue(e.getMessage().contains("B8"), e.getMessage());
        assertTrue(!Files.exists(cube.resolve(LandsatCube.DATE.toString())), "nothing was written");
    }

    /** Every file of the cube (but the lock) by relative path. */
    static Map<String, byte[]> contents(Path cube) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(cube)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals(CubeLock.FILE)) {
                    out.put(cube.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }
}
