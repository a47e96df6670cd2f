package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.Layer;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.server.CubeServer;
import org.cogcube.server.ServerOptions;
import org.cogcube.testing.CogValidation;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cogcube extract} writes, per band and kept date, a COG that GDAL reads back as gdalwarp cuts it. */
class ExtractCommandTest {

    @TempDir
    static Path dir;
    static Path cube;
    static final GridGeometry GRID = new GridGeometry(300, 200, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    static final String ROI = "{\"type\": \"Polygon\", \"coordinates\": [[[-2.0925,7.2365],[-2.0745,7.2355],"
            + "[-2.0760,7.2225],[-2.0840,7.2290],[-2.0930,7.2240],[-2.0925,7.2365]]]}";

    /** Two dates of B04 (int16, nodata -9999) and CLD (uint8, no nodata); the second date is all cloud. */
    @BeforeAll
    static void writeCube() throws Exception {
        cube = dir.resolve("cube");
        java.util.List<Acquisition> acquisitions = new java.util.ArrayList<>();
        String[] dates = {"2018-01-02", "2018-01-07"};
        for (int d = 0; d < 2; d++) {
            java.util.List<Asset> assets = new java.util.ArrayList<>();
            for (String layer : new String[] {"B04", "CLD"}) {
                SampleType type = layer.equals("CLD") ? SampleType.UINT8 : SampleType.INT16;
                byte[] bytes = new byte[GRID.width() * GRID.height() * type.bytes()];
                for (int i = 0; i < GRID.width() * GRID.height(); i++) {
                    double v = layer.equals("CLD") ? (d == 1 ? 100 : i % 40) : (i % 97 == 0 ? -9999 : i % 3000);
                    Samples.put(type, bytes, i, v);
                }
                Raster r = Raster.wrap(type, GRID, layer.equals("CLD") ? OptionalDouble.empty()
                        : OptionalDouble.of(-9999), bytes);
                Path file = cube.resolve(dates[d]).resolve(layer + ".tif");
                Files.createDirectories(file.getParent());
                CogWriter.write(RasterSource.of(r), file, CogOptions.defaults().withBlockSize(128));
                assets.add(Asset.of(layer, file.toUri()).withGrid(GRID));
            }
            acquisitions.add(Acquisition.of(java.time.LocalDate.parse(dates[d]), assets));
        }
        Catalogs.write(new Catalog(Optional.empty(), java.util.List.of(Layer.named("B04"), Layer.named("CLD")),
                acquisitions), cube);
        Files.writeString(dir.resolve("roi.geojson"), ROI);
    }

    @Test
    void writesOneCogPerBandAndKeptDateThatGdalReadsAsTheOriginalCut() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("extract", cube.resolve(Catalogs.STAC_FILE).toString(), "--bands", "B04", "--roi",
                dir.resolve("roi.geojson").toString(), "--cloud-mask", "CLD:20", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote 1 file(s)"), run.out());
        assertTrue(run.out().contains("dropped 1"), run.out());
        Path written = out.resolve("B04").resolve("2018-01-02.tif");
        assertFalse(Files.exists(out.resolve("B04").resolve("2018-01-07.tif")), "the cloudy date is dropped");
        CogValidation v = Gdal.validateCog(written);
        assertTrue(v.valid(), v.output());
        GdalInfo info = Gdal.info(written.toString());
        assertEquals(32630, info.epsg());
        assertTrue(Double.isNaN(info.band(1).nodata()), "nodata NaN");

        // The reference: the original method's numbers, from gdalwarp and numpy.
        Path reference = dir.resolve("reference.tif");
        Gdal.run(Gdal.PYTHON, "-c", REFERENCE, cube.resolve("2018-01-02").resolve("B04.tif").toString(),
                cube.resolve("2018-01-02").resolve("CLD.tif").toString(), dir.resolve("roi.geojson").toString(),
                reference.toString());
        GdalInfo ref = Gdal.info(reference.toString());
        assertEquals(ref.width(), info.width());
        assertEquals(ref.height(), info.height());
        assertArrayEquals(ref.geoTransform(), info.geoTransform(), 1e-6);
        double[] expected = Gdal.readWindow(reference.toString(), 1, 0, 0, ref.width(), ref.height(), -1);
        double[] actual = Gdal.readWindow(written.toString(), 1, 0, 0, ref.width(), ref.height(), -1);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.compare(expected[i], actual[i]) == 0 || (Double.isNaN(expected[i])
                    && Double.isNaN(actual[i])), "pixel " + i + ": expected " + expected[i] + ", found " + actual[i]);
        }
    }

    @Test
    void fromCogcubeServeTheServerCutsTheFilesAndNoServerSubsetGivesTheSameFilesByRanges() throws Exception {
        try (CubeServer server = CubeServer.start(ServerOptions.of(cube).withPort(0))) {
            String url = server.uri().resolve(Catalogs.STAC_FILE).toString();
            Path cut = dir.resolve("by-server");
            Path ranged = dir.resolve("by-ranges");
            CliRun byServer = CliRun.of("extract", url, "--bands", "B04", "--roi", dir.resolve("roi.geojson").toString(),
                    "--cloud-mask", "CLD:20", "--out", cut.toString());
            CliRun byRanges = CliRun.of("extract", url, "--bands", "B04", "--roi",
                    dir.resolve("roi.geojson").toString(), "--cloud-mask", "CLD:20", "--no-server-subset", "--out",
                    ranged.toString());
            assertEquals(0, byServer.exitCode(), byServer.err());
            assertEquals(0, byRanges.exitCode(), byRanges.err());
            assertTrue(byServer.out().contains("cut by the server"), byServer.out());
            assertFalse(byRanges.out().contains("cut by the server"), byRanges.out());
            Path file = Path.of("B04", "2018-01-02.tif");
            assertArrayEquals(Files.readAllBytes(ranged.resolve(file)), Files.readAllBytes(cut.resolve(file)));
        }
    }

    @Test
    void anUnknownBandFailsWithOneLineListingTheLayers() {
        CliRun run = CliRun.of("extract", cube.resolve(Catalogs.STAC_FILE).toString(), "--bands", "B99", "--roi",
                dir.resolve("roi.geojson").toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no layer 'B99'") && run.err().contains("B04, CLD"), run.err());
    }

    @Test
    void aRegionOutsideTheCubeAnEmptyRangeAndABadRoiFailWithExitOne() {
        String catalog = cube.resolve(Catalogs.STAC_FILE).toString();
        CliRun outside = CliRun.of("extract", catalog, "--bands", "B04", "--roi", "-1.5,6.0,-1.4,6.1", "--out",
                dir.resolve("x").toString());
        assertEquals(1, outside.exitCode());
        assertTrue(outside.err().contains("shares no point"), outside.err());
        CliRun empty = CliRun.of("extract", catalog, "--bands", "B04", "--roi", dir.resolve("roi.geojson").toString(),
                "--from", "2019-01-01", "--to", "2019-02-01", "--out", dir.resolve("x").toString());
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("no date of the cube"), empty.err());
        CliRun bad = CliRun.of("extract", catalog, "--bands", "B04", "--roi", "{\"type\": \"Polygon\"",
                "--out", dir.resolve("x").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("not JSON"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }

    @Test
    void badDatesAreUsageErrors() {
        CliRun run = CliRun.of("extract", "c.json", "--bands", "B04", "--roi", "0,0,1,1", "--from", "2018-13-01",
                "--out", "x");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("YYYY-MM-DD"), run.err());
        assertEquals(2, CliRun.of("extract", "c.json", "--roi", "0,0,1,1", "--out", "x").exitCode());
    }

    @Test
    void helpShowsExamples() {
        CliRun run = CliRun.of("extract", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--cloud-mask CLD:20"), run.out());
    }

    /** The original method on one date: gdalwarp both layers, mask in numpy, write float32 with NaN nodata. */
    private static final String REFERENCE = """
            import sys
            import numpy as np
            from osgeo import gdal
            gdal.UseExceptions()
            band, cloud, roi, out = sys.argv[1:5]
            b = gdal.Warp("", band, format="MEM", cutlineDSName=roi, cropToCutline=True, dstNodata=-9999)
            c = gdal.Warp("", cloud, format="MEM", cutlineDSName=roi, cropToCutline=True)
            raw = b.GetRasterBand(1).ReadAsArray()
            arr = raw.astype(np.float32)
            arr[arr < -9990] = np.nan
            arr[c.GetRasterBand(1).ReadAsArray() > 20] = np.nan
            o = gdal.GetDriverByName("GTiff").Create(out, arr.shape[1], arr.shape[0], 1, gdal.GDT_Float32)
            o.SetGeoTransform(b.GetGeoTransform())
            o.SetProjection(b.GetProjection())
            o.GetRasterBand(1).WriteArray(arr)
            o.GetRasterBand(1).SetNoDataValue(float("nan"))
            o = None
            """;
}
