package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cogcube.io.CountingRangeReader;
import org.cogcube.io.HttpOptions;
import org.cogcube.io.OpenOptions;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reading over HTTP from a real nginx (HTTP/1.1 and HTTP/2 over TLS) gives the pixels of the
 * local file and of GDAL's /vsicurl/, with one request for a COG's header and one batch for a
 * window's tiles.
 */
class ReadsOverHttpTest {
    static final String[] FILES = {"cog_overviews_uint16.tif", "bigtiff_striped_float32_bigendian.tif",
        "planar_3band_deflate_uint8.tif", "tiled_internal_overviews_float32.tif"};

    @TempDir
    static Path root;

    static NginxServer http;
    static NginxServer tls;

    @BeforeAll
    static void serve() throws Exception {
        for (String f : FILES) {
            Files.copy(Gdal.fixture(f), root.resolve(f));
        }
        http = NginxServer.start(root, NginxServer.Mode.HTTP_1_1);
        tls = NginxServer.start(root, NginxServer.Mode.TLS_H2);
    }

    @AfterAll
    static void stop() {
        http.close();
        tls.close();
    }

    static RangeReader open(NginxServer.Mode mode, String file) {
        NginxServer server = mode == NginxServer.Mode.TLS_H2 ? tls : http;
        return RangeReaders.open(server.uri(file).toString(), OpenOptions.defaults()
                .withHttp(HttpOptions.defaults().withTrustAllCertificates(true)
                        .withProtocol(mode == NginxServer.Mode.TLS_H2 ? HttpOptions.Protocol.HTTP_2
                                : HttpOptions.Protocol.HTTP_1_1)));
    }

    @ParameterizedTest
    @EnumSource(value = NginxServer.Mode.class, names = {"HTTP_1_1", "TLS_H2"})
    void remoteReadsEqualLocalReadsAtEveryLevel(NginxServer.Mode mode) {
        for (String f : FILES) {
            try (GeoTiff local = GeoTiff.openAsync(RangeReaders.open(root.resolve(f).toString()), w -> { }).join();
                    GeoTiff remote = GeoTiff.openAsync(open(mode, f), w -> { }).join()) {
                assertEquals(local.levelCount(), remote.levelCount());
                for (int level = 0; level < local.levelCount(); level++) {
                    int w = local.level(level).width();
                    int h = local.level(level).height();
                    for (Window win : ReadsLikeGdalTest.windows(w, h)) {
                        Raster a = local.read(win, level);
                        Raster b = remote.read(win, level);
                        for (int band = 0; band < a.bandCount(); band++) {
                            byte[] x = new byte[a.data(band).remaining()];
                            byte[] y = new byte[b.data(band).remaining()];
                            a.data(band).get(x);
                            b.data(band).get(y);
                            assertArrayEquals(x, y, f + " level " + level + " " + win);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = NginxServer.Mode.class, names = {"HTTP_1_1", "TLS_H2"})
    void aCogWindowCostsOneHeaderRequestAndOneBatch(NginxServer.Mode mode) {
        CountingRangeReader counting = new CountingRangeReader(open(mode, "cog_overviews_uint16.tif"));
        try (GeoTiff tiff = GeoTiff.openAsync(counting, w -> { }).join()) {
            assertEquals(1, counting.calls(), "header");
            tiff.read(Window.of(50, 40, 140, 90), 0);
            assertEquals(2, counting.calls(), "one call for every tile of the window");
        }
    }

    @ParameterizedTest
    @EnumSource(value = NginxServer.Mode.class, names = {"HTTP_1_1"})
    void remotePixelsEqualWhatGdalReadsThroughVsicurl(NginxServer.Mode mode) {
        String f = "cog_overviews_uint16.tif";
        String url = http.uri(f).toString();
        try (GeoTiff remote = GeoTiff.openAsync(open(mode, f), w -> { }).join()) {
            Raster r = remote.read(Window.of(33, 21, 100, 70), 1);
            byte[] ours = new byte[r.data(0).remaining()];
            r.data(0).get(ours);
            assertArrayEquals(Gdal.readWindowRaw(Map.of(), "/vsicurl/" + url, 1, 33, 21, 100, 70, 0), ours);
        }
    }
}
