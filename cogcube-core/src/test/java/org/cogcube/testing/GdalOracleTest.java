package org.cogcube.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves the oracle itself: GDAL, driven through {@link Gdal}, sees the fixtures as the script made them. */
class GdalOracleTest {

    private static String fixture(String name) {
        return Gdal.fixture(name).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "none_uint8.tif,                                UINT8,   70,  50, 1",
        "deflate_predictor2_uint16.tif,                 UINT16, 150, 100, 1",
        "lzw_predictor2_int16.tif,                      INT16,  130,  90, 1",
        "lzw_uint8_striped.tif,                         UINT8,  101,  77, 1",
        "zstd_predictor3_float32.tif,                   FLOAT32, 120, 80, 1",
        "deflate_predictor3_float64.tif,                FLOAT64,  90, 70, 1",
        "packbits_int8.tif,                             INT8,   100,  60, 1",
        "zstd_uint32.tif,                               UINT32,  80,  60, 1",
        "lzw_int32.tif,                                 INT32,   80,  60, 1",
        "adobe_deflate_uint16.tif,                      UINT16, 100,  70, 1",
        "deflate_predictor2_uint16_bigendian.tif,       UINT16, 150, 100, 1",
        "lzw_predictor3_float32_bigendian.tif,          FLOAT32, 120, 80, 1",
        "bigtiff_tiled_uint16.tif,                      UINT16, 110,  75, 1",
        "bigtiff_striped_float32_bigendian.tif,         FLOAT32, 77,  45, 1",
        "planar_3band_deflate_uint8.tif,                UINT8,  100,  70, 3",
        "pixel_interleaved_4band_predictor2_uint16.tif, UINT16,  90,  60, 4",
        "striped_planar_2band_int16.tif,                INT16,   75,  55, 2",
        "cog_overviews_uint16.tif,                      UINT16, 300, 200, 1",
        "tiled_internal_overviews_float32.tif,          FLOAT32, 150, 100, 1",
        "internal_mask_uint8.tif,                       UINT8,  100,  80, 1",
        "cog_with_mask_uint8.tif,                       UINT8,  200, 150, 1",
        "utm30n_10m_uint16.tif,                         UINT16, 120,  90, 1",
        "geographic_4326_int16.tif,                     INT16,  100,  50, 1",
        "rotated_modeltransformation_uint8.tif,         UINT8,   80,  60, 1",
        "pixel_is_point_uint16.tif,                     UINT16,  90,  60, 1",
        "user_defined_lcc_float32.tif,                  FLOAT32, 90,  70, 1",
        "scale_offset_uint16.tif,                       UINT16,  90,  60, 1",
        "no_georeferencing_uint8.tif,                   UINT8,   70,  50, 1",
    })
    void everyBandOfAFixtureHoldsTheScriptsPattern(String name, SampleType type, int width, int height,
            int bands) {
        GdalInfo info = Gdal.info(fixture(name));
        assertEquals(List.of(width, height, bands), List.of(info.width(), info.height(), info.bandCount()));
        for (int band = 1; band <= bands; band++) {
            assertEquals(type.gdalName(), info.band(band).dataType(), "data type of band " + band);
            assertArrayEquals(FixturePattern.window(type, band, 0, 0, width, height),
                    Gdal.readWindow(fixture(name), band, 0, 0, width, height, -1), name + " band " + band);
        }
    }

    @Test
    void readsWindowsAcrossTileBoundariesAndAtThePartialEdge() {
        String file = fixture("deflate_predictor2_uint16.tif");
        assertArrayEquals(FixturePattern.window(SampleType.UINT16, 1, 37, 21, 70, 50),
                Gdal.readWindow(file, 1, 37, 21, 70, 50, -1));
        assertArrayEquals(FixturePattern.window(SampleType.UINT16, 1, 130, 90, 20, 10),
                Gdal.readWindow(file, 1, 130, 90, 20, 10, -1));
    }

    @Test
    void rawWindowIsLittleEndianInTheBandsOwnType() {
        byte[] raw = Gdal.readWindowRaw(fixture("deflate_predictor2_uint16_bigendian.tif"), 1, 5, 7, 60, 40, -1);
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[60 * 40];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getShort() & 0xFFFF;
        }
        assertArrayEquals(FixturePattern.window(SampleType.UINT16, 1, 5, 7, 60, 40), values);

        byte[] signed = Gdal.readWindowRaw(fixture("packbits_int8.tif"), 1, 0, 0, 10, 1, -1);
        for (int x = 0; x < 10; x++) {
            assertEquals(FixturePattern.value(SampleType.INT8, x, 0, 1), signed[x], "pixel " + x);
        }
    }

    @Test
    void nodataHolesReadAsNaNAndAsMinus9999() {
        GdalInfo nan = Gdal.info(fixture("nodata_nan_float32.tif"));
        assertTrue(nan.band(1).nodata().isNaN());
        assertArrayEquals(FixturePattern.windowWithHoles(SampleType.FLOAT32, 1, 0, 0, 100, 70, Double.NaN),
                Gdal.readWindow(fixture("nodata_nan_float32.tif"), 1, 0, 0, 100, 70, -1));

        assertEquals(-9999.0, Gdal.info(fixture("nodata_minus9999_int16.tif")).band(1).nodata());
        assertArrayEquals(FixturePattern.windowWithHoles(SampleType.INT16, 1, 0, 0, 100, 70, -9999),
                Gdal.readWindow(fixture("nodata_minus9999_int16.tif"), 1, 0, 0, 100, 70, -1));
    }

    @Test
    void overviewsAreReadAtTheirOwnSize() {
        String cog = fixture("cog_overviews_uint16.tif");
        assertEquals(List.of(new GdalInfo.Size(150, 100), new GdalInfo.Size(75, 50), new GdalInfo.Size(37, 25)),
                Gdal.info(cog).overviews());
        double[] first = Gdal.readWindow(cog, 1, 0, 0, 150, 100, 0);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 150; x++) {
                double mean = (FixturePattern.value(SampleType.UINT16, 2 * x, 2 * y, 1)
                        + FixturePattern.value(SampleType.UINT16, 2 * x + 1, 2 * y, 1)
                        + FixturePattern.value(SampleType.UINT16, 2 * x, 2 * y + 1, 1)
                        + FixturePattern.value(SampleType.UINT16, 2 * x + 1, 2 * y + 1, 1)) / 4;
                assertEquals(mean, first[y * 150 + x], 1.0, "overview 0 at " + x + "," + y);
            }
        }
        assertEquals(37 * 25, Gdal.readWindow(cog, 1, 0, 0, 37, 25, 2).length);
    }

    @Test
    void askingForAnOverviewTheFileLacksFailsWithTheCount() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> Gdal.readWindow(fixture("cog_overviews_uint16.tif"), 1, 0, 0, 1, 1, 3));
        assertTrue(error.getMessage().contains("asked for overview 3, band 1 has 3"), error.getMessage());
    }

    @Test
    void internalMaskIsTheScriptsMask() {
        String file = fixture("internal_mask_uint8.tif");
        assertEquals(2, Gdal.info(file).band(1).maskFlags(), "GMF_PER_DATASET");
        int[] mask = Gdal.readMaskWindow(file, 1, 0, 0, 100, 80, -1);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 100; x++) {
                assertEquals(FixturePattern.mask(x, y, 100), mask[y * 100 + x], "mask at " + x + "," + y);
            }
        }
        assertEquals(2, Gdal.info(fixture("cog_with_mask_uint8.tif")).band(1).maskFlags());
    }

    @Test
    void infoReportsCrsAndGeotransform() {
        GdalInfo utm = Gdal.info(fixture("utm30n_10m_uint16.tif"));
        assertEquals(32630, utm.epsg());
        assertArrayEquals(new double[] {500000, 10, 0, 4500000, 0, -10}, utm.geoTransform());
        assertEquals("Area", utm.areaOrPoint());

        GdalInfo geographic = Gdal.info(fixture("geographic_4326_int16.tif"));
        assertEquals(4326, geographic.epsg());
        assertArrayEquals(new double[] {-10, 0.1, 0, 50, 0, -0.1}, geographic.geoTransform(), 1e-12);

        assertArrayEquals(new double[] {500000, 8.660254037844387, -5, 4500000, -5, -8.660254037844387},
                Gdal.info(fixture("rotated_modeltransformation_uint8.tif")).geoTransform());

        GdalInfo point = Gdal.info(fixture("pixel_is_point_uint16.tif"));
        assertEquals("Point", point.areaOrPoint());
        assertArrayEquals(new double[] {500000, 10, 0, 4500000, 0, -10}, point.geoTransform());

        GdalInfo lcc = Gdal.info(fixture("user_defined_lcc_float32.tif"));
        assertNull(lcc.epsg());
        assertTrue(lcc.wkt().contains("Lambert_Conformal_Conic_2SP"), lcc.wkt());

        GdalInfo none = Gdal.info(fixture("no_georeferencing_uint8.tif"));
        assertNull(none.geoTransform());
        assertNull(none.wkt());
        assertNull(none.epsg());

        GdalInfo.Band scaled = Gdal.info(fixture("scale_offset_uint16.tif")).band(1);
        assertEquals(List.of(0.0001, -0.1), List.of(scaled.scale(), scaled.offset()));
    }

    @Test
    void infoReportsLayoutBlocksAndCompression() {
        GdalInfo cog = Gdal.info(fixture("cog_overviews_uint16.tif"));
        assertTrue(cog.cogLayout());
        assertEquals(List.of(64, 64), List.of(cog.band(1).blockWidth(), cog.band(1).blockHeight()));
        assertEquals("DEFLATE", cog.compression());

        GdalInfo tiled = Gdal.info(fixture("tiled_internal_overviews_float32.tif"));
        assertFalse(tiled.cogLayout());
        assertEquals(List.of(new GdalInfo.Size(75, 50), new GdalInfo.Size(38, 25)), tiled.overviews());

        GdalInfo.Band strips = Gdal.info(fixture("lzw_uint8_striped.tif")).band(1);
        assertEquals(List.of(101, 10), List.of(strips.blockWidth(), strips.blockHeight()));

        assertEquals("BAND", Gdal.info(fixture("planar_3band_deflate_uint8.tif")).interleave());
        assertEquals("PIXEL", Gdal.info(fixture("pixel_interleaved_4band_predictor2_uint16.tif")).interleave());
        GdalInfo packbits = Gdal.info(fixture("packbits_int8.tif"));
        assertEquals(List.of("PACKBITS", "Int8"), List.of(packbits.compression(), packbits.band(1).dataType()));
    }

    @Test
    void validatorAcceptsGdalsCogs() {
        CogValidation cog = Gdal.validateCog(Gdal.fixture("cog_overviews_uint16.tif"));
        assertTrue(cog.valid(), cog.output());
        assertTrue(cog.output().contains("is a valid cloud optimized GeoTIFF"), cog.output());
        assertTrue(Gdal.validateCog(Gdal.fixture("cog_with_mask_uint8.tif")).valid());
    }

    @Test
    void validatorRejectsAWideStripedFile(@TempDir Path dir) {
        // the validator lets strips pass up to 1024 pixels wide, so widen a striped fixture
        Path striped = dir.resolve("striped_1100x20.tif");
        Gdal.run("gdal_translate", "-q", "-outsize", "1100", "20", fixture("lzw_uint8_striped.tif"),
                striped.toString());
        CogValidation verdict = Gdal.validateCog(striped);
        assertFalse(verdict.valid(), verdict.output());
        assertTrue(verdict.output().contains("not tiled"), verdict.output());
    }

    @Test
    void validatorRejectsOverviewsStoredAfterTheFullResolution() {
        CogValidation verdict = Gdal.validateCog(Gdal.fixture("tiled_internal_overviews_float32.tif"));
        assertFalse(verdict.valid(), verdict.output());
        assertTrue(verdict.output().contains("is NOT a valid cloud optimized GeoTIFF"), verdict.output());
    }

    @Test
    void gdalFailuresCarryGdalsOwnWords() {
        AssertionError notTiff = assertThrows(AssertionError.class, () -> Gdal.info(fixture("not_a_tiff.tif")));
        assertTrue(notTiff.getMessage().contains("not recognized as a supported file format"), notTiff.getMessage());

        AssertionError truncated = assertThrows(AssertionError.class,
                () -> Gdal.readWindow(fixture("truncated.tif"), 1, 0, 0, 70, 50, -1));
        assertTrue(truncated.getMessage().contains("TIFFReadEncodedTile"), truncated.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"absurd_dimensions.tif", "unknown_compression.tif", "ifd_offset_past_end.tif",
        "not_a_tiff.tif"})
    void gdalRefusesToOpenTheWorstHostileFixtures(String name) {
        assertThrows(AssertionError.class, () -> Gdal.info(fixture(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"offset_past_end.tif", "bytecount_past_end.tif"})
    void gdalOpensButCannotReadTilesOutsideTheFile(String name) {
        assertEquals(70, Gdal.info(fixture(name)).width());
        assertThrows(AssertionError.class, () -> Gdal.readWindow(fixture(name), 1, 0, 0, 70, 50, -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cyclic_ifd.tif", "tag_count_huge.tif"})
    void gdalReadsThroughACyclicChainAndAnOverlongOffsetArray(String name) {
        assertArrayEquals(FixturePattern.window(SampleType.UINT8, 1, 0, 0, 70, 50),
                Gdal.readWindow(fixture(name), 1, 0, 0, 70, 50, -1));
    }

    @Test
    void commandsTimeOutInsteadOfHanging() {
        long start = System.nanoTime();
        AssertionError error = assertThrows(AssertionError.class,
                () -> Gdal.run(Map.of(), Duration.ofMillis(300), "sleep", "30"));
        assertTrue(error.getMessage().contains("timed out"), error.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void environmentOverridesReachTheCommandOnTopOfTheDefaults() {
        String out = Gdal.output(Map.of("COGCUBE_PROBE", "42"), Duration.ofSeconds(10), "sh", "-c",
                "echo \"$COGCUBE_PROBE $GDAL_DISABLE_READDIR_ON_OPEN\"");
        assertEquals("42 EMPTY_DIR", out.strip());
    }

    @Test
    void failingCommandsReportTheirStandardError() {
        AssertionError error = assertThrows(AssertionError.class, () -> Gdal.run("gdalinfo", "/no/such/file.tif"));
        assertTrue(error.getMessage().contains("/no/such/file.tif") && error.getMessage().contains("stderr"),
                error.getMessage());
    }

    @Test
    void readsOverVsicurlAsFromTheFile() throws IOException {
        Path folder = Gdal.fixture("cog_overviews_uint16.tif").getParent();
        HttpServer server = rangeServer(folder);
        try {
            String url = "/vsicurl/http://127.0.0.1:" + server.getAddress().getPort() + "/cog_overviews_uint16.tif";
            assertTrue(Gdal.info(url).cogLayout());
            assertArrayEquals(Gdal.readWindow(fixture("cog_overviews_uint16.tif"), 1, 100, 50, 90, 70, -1),
                    Gdal.readWindow(url, 1, 100, 50, 90, 70, -1));
            assertArrayEquals(FixturePattern.window(SampleType.UINT16, 1, 100, 50, 90, 70),
                    Gdal.readWindow(url, 1, 100, 50, 90, 70, -1));
        } finally {
            server.stop(0);
        }
    }

    /** A loopback server for files of one folder that honours single byte ranges, as /vsicurl/ needs. */
    private static HttpServer rangeServer(Path folder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Pattern range = Pattern.compile("bytes=(\\d+)-(\\d*)");
        server.createContext("/", exchange -> {
            try (exchange) {
                Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] all = Files.readAllBytes(file);
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                String header = exchange.getRequestHeaders().getFirst("Range");
                Matcher m = header == null ? null : range.matcher(header);
                byte[] body = all;
                int status = 200;
                if (m != null && m.matches()) {
                    int first = Integer.parseInt(m.group(1));
                    int last = m.group(2).isEmpty() ? all.length - 1 : Math.min(Integer.parseInt(m.group(2)), all.length - 1);
                    body = Arrays.copyOfRange(all, first, last + 1);
                    status = 206;
                    exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + all.length);
                }
                send(exchange, status, body);
            }
        });
        server.start();
        return server;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
