package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protocols the server speaks, proven by independent clients: GDAL reads over h2/TLS and
 * HTTP/1.1 what it reads from the local files, curl and the JDK's HttpClient negotiate HTTP/2.
 */
class ProtocolsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Map<String, String> H2_TLS = Map.of("GDAL_HTTP_VERSION", "2", "GDAL_HTTP_UNSAFESSL", "YES");

    @TempDir
    static Path root;
    static CubeServer plain;
    static CubeServer tls;

    @BeforeAll
    static void serve() {
        Path cog = root.resolve("cog.tif");
        Gdal.run("cp", Gdal.fixture("cog_overviews_uint16.tif").toString(), cog.toString());
        // A mosaic of two COG chunks, the way ingest cuts a large scene.
        Gdal.run("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=64", "-srcwin", "0", "0", "160", "200",
                cog.toString(), root.resolve("left.tif").toString());
        Gdal.run("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=64", "-srcwin", "160", "0", "140", "200",
                cog.toString(), root.resolve("right.tif").toString());
        Gdal.execute(Map.of(), TIMEOUT, "sh", "-c", "cd '" + root + "' && gdalbuildvrt -q mosaic.vrt left.tif right.tif")
                .orFail();
        plain = CubeServer.start(ServerOptions.of(root).withPort(0));
        tls = CubeServer.start(ServerOptions.of(root).withPort(0).withTls(TlsSource.selfSigned()));
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cog.tif", "mosaic.vrt"})
    void gdalReadsTheSamePixelsOverH2TlsAsFromTheLocalFile(String name) {
        String url = "/vsicurl/" + tls.uri().resolve(name);
        String local = root.resolve(name).toString();
        assertArrayEquals(Gdal.readWindowRaw(local, 1, 0, 0, 300, 200, -1),
                Gdal.readWindowRaw(H2_TLS, url, 1, 0, 0, 300, 200, -1));
        assertArrayEquals(Gdal.readWindowRaw(local, 1, 140, 30, 40, 100, -1), // across the seam of the chunks
                Gdal.readWindowRaw(H2_TLS, url, 1, 140, 30, 40, 100, -1));
        CommandResult verbose = Gdal.execute(Map.of("GDAL_HTTP_VERSION", "2", "GDAL_HTTP_UNSAFESSL", "YES",
                "CPL_CURL_VERBOSE", "YES"), TIMEOUT, "gdalinfo", "-stats", url).orFail();
        assertTrue(verbose.stderr().contains("< HTTP/2 206"), "GDAL did not read by ranges over HTTP/2:\n"
                + verbose.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cog.tif", "mosaic.vrt"})
    void gdalReadsTheSamePixelsOverHttp11AsFromTheLocalFile(String name) {
        String url = "/vsicurl/" + plain.uri().resolve(name);
        String local = root.resolve(name).toString();
        assertArrayEquals(Gdal.readWindowRaw(local, 1, 0, 0, 300, 200, -1), Gdal.readWindowRaw(url, 1, 0, 0, 300, 200, -1));
        assertArrayEquals(Gdal.readWindowRaw(local, 1, 140, 30, 40, 100, -1),
                Gdal.readWindowRaw(url, 1, 140, 30, 40, 100, -1));
    }

    @Test
    void gdalReadsOverviewsOverBothProtocols() {
        String local = root.resolve("cog.tif").toString();
        byte[] expected = Gdal.readWindowRaw(local, 1, 0, 0, 37, 25, 2);
        assertArrayEquals(expected, Gdal.readWindowRaw("/vsicurl/" + plain.uri().resolve("cog.tif"), 1, 0, 0, 37, 25, 2));
        assertArrayEquals(expected, Gdal.readWindowRaw(H2_TLS, "/vsicurl/" + tls.uri().resolve("cog.tif"), 1, 0, 0, 37, 25, 2));
    }

    @Test
    void curlGetsHttp2OnBothPorts() {
        assertEquals("2 206", curl("--http2-prior-knowledge", plain.uri().resolve("cog.tif").toString()));
        assertEquals("2 206", curl("--http2", plain.uri().resolve("cog.tif").toString())); // h2c upgrade
        assertEquals("1.1 206", curl("--http1.1", plain.uri().resolve("cog.tif").toString()));
        assertEquals("2 206", curl("--http2", "-k", tls.uri().resolve("cog.tif").toString()));
        assertEquals("1.1 206", curl("--http1.1", "-k", tls.uri().resolve("cog.tif").toString()));
    }

    private static String curl(String... args) {
        String[] command = new String[args.length + 8];
        System.arraycopy(new String[] {"curl", "-sS", "-o", "/dev/null", "-r", "0-99", "-w",
            "%{http_version} %{http_code}"}, 0, command, 0, 8);
        System.arraycopy(args, 0, command, 8, args.length);
        return Gdal.execute(Map.of(), TIMEOUT, command).orFail().stdout().trim();
    }

    @Test
    void theJdkClientNegotiatesHttp2OverTls() throws Exception {
        HttpClient client = TrustingClient.http2();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(tls.uri().resolve("cog.tif"))
                .header("Range", "bytes=0-1023").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(206, r.statusCode());
        byte[] local = Files.readAllBytes(root.resolve("cog.tif"));
        assertArrayEquals(java.util.Arrays.copyOf(local, 1024), r.body());
    }
}
