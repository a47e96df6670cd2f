package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both TLS implementations serve h2 and http/1.1 to real clients (curl, GDAL), and the server falls
 * back to the JDK's TLS when Conscrypt's native library cannot load.
 */
class TlsProvidersTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"CONSCRYPT", "JDK"})
    void curlNegotiatesH2AndHttp11AndGdalReadsTheLocalPixels(TlsProvider provider) {
        Path cog = root.resolve("cog.tif");
        Gdal.run("cp", Gdal.fixture("cog_overviews_uint16.tif").toString(), cog.toString());
        try (CubeServer server = CubeServer.start(ServerOptions.of(root).withPort(0)
                .withTls(TlsSource.selfSigned()).withTlsProvider(provider))) {
            assertEquals(Optional.of(provider), server.tlsProvider());
            String url = server.uri().resolve("cog.tif").toString();
            assertEquals("2 206", curl("--http2", url));
            assertEquals("1.1 206", curl("--http1.1", url));
            assertEquals("1.1 206", curl("--http1.1", "--no-alpn", url)); // no ALPN: the default protocol
            // The server's preference, not the client's (AES-256 first); BoringSSL chooses over TLS 1.3 itself.
            for (String version : provider == TlsProvider.JDK ? new String[] {"-tls1_3", "-tls1_2"}
                    : new String[] {"-tls1_2"}) {
                String session = Gdal.execute(Map.of(), TIMEOUT, "sh", "-c", "openssl s_client -brief " + version
                        + " -connect 127.0.0.1:" + server.port() + " </dev/null 2>&1").stdout();
                assertTrue(session.contains("AES128-GCM") || session.contains("AES_128_GCM"), version + ":\n" + session);
            }
            Map<String, String> h2 = Map.of("GDAL_HTTP_VERSION", "2", "GDAL_HTTP_UNSAFESSL", "YES");
            assertArrayEquals(Gdal.readWindowRaw(cog.toString(), 1, 0, 0, 300, 200, -1),
                    Gdal.readWindowRaw(h2, "/vsicurl/" + url, 1, 0, 0, 300, 200, -1));
            CommandResult verbose = Gdal.execute(Map.of("GDAL_HTTP_VERSION", "2", "GDAL_HTTP_UNSAFESSL", "YES",
                    "CPL_CURL_VERBOSE", "YES"), TIMEOUT, "gdalinfo", "-stats", "/vsicurl/" + url).orFail();
            assertTrue(verbose.stderr().contains("< HTTP/2 206"), "GDAL did not read by ranges over HTTP/2:\n"
                    + verbose.stderr());
        }
    }

    @Test
    void autoChoosesConscryptWhereItsNativeLibraryLoads() {
        try (CubeServer server = CubeServer.start(ServerOptions.of(root).withPort(0).withTls(TlsSource.selfSigned()))) {
            assertEquals(Optional.of(TlsProvider.CONSCRYPT), server.tlsProvider());
        }
    }

    @Test
    void autoFallsBackToTheJdkWhenConscryptsNativeLibraryCannotLoad() {
        // Conscrypt unpacks its native library into this "folder", a file: the library cannot load.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CommandResult r = Gdal.execute(Map.of(), TIMEOUT, java, "-Dorg.conscrypt.native.workdir=/dev/null",
                "-cp", System.getProperty("java.class.path"), ServeOnce.class.getName(), root.toString(), "auto");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("JDK 2 404", r.stdout().strip());
        CommandResult forced = Gdal.execute(Map.of(), TIMEOUT, java, "-Dorg.conscrypt.native.workdir=/dev/null",
                "-cp", System.getProperty("java.class.path"), ServeOnce.class.getName(), root.toString(), "conscrypt");
        assertEquals(1, forced.exitCode());
        assertTrue(forced.stderr().contains("TLS provider conscrypt: its native library does not load"),
                forced.stderr());
    }

    private static String curl(String... args) {
        String[] command = new String[args.length + 9];
        System.arraycopy(new String[] {"curl", "-sS", "-k", "-o", "/dev/null", "-r", "0-99", "-w",
            "%{http_version} %{http_code}"}, 0, command, 0, 9);
        System.arraycopy(args, 0, command, 9, args.length);
        return Gdal.execute(Map.of(), TIMEOUT, command).orFail().stdout().trim();
    }

    /** Serves a folder over TLS with the provider named, prints the provider used and what curl got, stops. */
    static final class ServeOnce {
        public static void main(String[] args) {
            try (CubeServer server = CubeServer.start(ServerOptions.of(Path.of(args[0])).withPort(0)
                    .withTls(TlsSource.selfSigned()).withTlsProvider(TlsProvider.valueOf(args[1].toUpperCase())))) {
                System.out.println(server.tlsProvider().orElseThrow() + " "
                        + curl("--http2", server.uri().resolve("missing.tif").toString()));
            } catch (RuntimeException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
    }
}
