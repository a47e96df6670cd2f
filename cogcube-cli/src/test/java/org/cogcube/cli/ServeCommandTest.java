package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.client.Query;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.GridGeometry;
import org.cogcube.subset.CutRequest;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeCommandTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    Path cube;

    @BeforeEach
    void makeCube() throws Exception {
        cube = Files.createDirectories(dir.resolve("cube/2018-01-02"));
        Files.copy(Gdal.fixture("cog_overviews_uint16.tif"), cube.resolve("B04.tif"));
        cube = cube.getParent();
        Files.writeString(cube.resolve("catalog.json"), "{\"dates\": [\"2018-01-02\"]}\n");
    }

    /** {@code cogcube serve ...} running in-process on its own thread until interrupted. */
    static final class Serving implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int exitCode = -1;

        Serving(String... args) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exitCode = cl.execute(args), "cogcube-serve-test");
            thread.start();
        }

        /** The root URL printed, once the server says it is ready. */
        String url() throws InterruptedException {
            while (!out.toString().contains("Press Ctrl+C")) {
                if (!thread.isAlive()) {
                    throw new AssertionError("serve ended with " + exitCode + ":\n" + out + err);
                }
                Thread.sleep(50);
            }
            Matcher m = Pattern.compile("URL\\s+(\\S+)").matcher(out.toString());
            assertTrue(m.find(), out.toString());
            return m.group(1);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private static String curl(String... args) {
        String[] command = new String[args.length + 6];
        System.arraycopy(new String[] {"curl", "-sS", "-o", "/dev/null", "-w", "%{http_version} %{http_code}"}, 0,
                command, 0, 6);
        System.arraycopy(args, 0, command, 6, args.length);
        return Gdal.execute(Map.of(), TIMEOUT, command).orFail().stdout().trim();
    }

    @Test
    void servesOnAFreePortAndPrintsHowToOpenTheCube() throws Exception {
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0")) {
            String url = serving.url();
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/"), url);
            String out = serving.out.toString();
            assertTrue(out.contains("Catalogue  " + url + "catalog.json"), out);
            assertTrue(out.contains("gdalinfo /vsicurl/" + url + "2018-01-02/B04.tif"), out);
            assertTrue(out.contains("GeoTiff.open(\"" + url + "2018-01-02/B04.tif\")"), out);
            assertEquals("2 206", curl("--http2-prior-knowledge", "-r", "0-99", url + "2018-01-02/B04.tif"));
            assertEquals(Gdal.info(cube.resolve("2018-01-02/B04.tif").toString()),
                    Gdal.info("/vsicurl/" + url + "2018-01-02/B04.tif"));
            assertEquals("", serving.err.toString());
            serving.close();
            assertEquals(0, serving.exitCode);
        }
    }

    @Test
    void quietPrintsOnlyTheRootUrl() throws Exception {
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0", "--quiet")) {
            while (!serving.out.toString().endsWith("\n")) {
                assertTrue(serving.thread.isAlive(), "serve ended with " + serving.exitCode + ":\n" + serving.err);
                Thread.sleep(50);
            }
            String out = serving.out.toString();
            assertTrue(out.matches("http://127\\.0\\.0\\.1:\\d+/\n"), out);
            assertEquals("2 206", curl("--http2-prior-knowledge", "-r", "0-99", out.strip() + "2018-01-02/B04.tif"));
            serving.close();
            assertEquals(0, serving.exitCode);
            assertEquals("", serving.err.toString());
        }
    }

    @Test
    void selfSignedTlsSpeaksHttp2() throws Exception {
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0", "--tls-self-signed")) {
            String url = serving.url();
            assertTrue(url.startsWith("https://"), url);
            assertTrue(serving.out.toString().contains("GDAL_HTTP_UNSAFESSL=YES"), serving.out.toString());
            assertEquals("2 200", curl("-k", "--http2", url + "catalog.json"));
        }
    }

    @Test
    void pemCertificateAndKeySpeakHttp2() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Gdal.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        Path log = dir.resolve("access.log");
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0", "--tls-cert", cert.toString(),
                "--tls-key", key.toString(), "--access-log", log.toString())) {
            String url = serving.url();
            assertEquals("2 206", curl("--cacert", cert.toString(), "--http2", "-r", "0-9", url + "2018-01-02/B04.tif"));
            assertEquals("1.1 200", curl("-k", "--http1.1", url + "catalog.json"));
        }
        String logged = Files.readString(log);
        assertTrue(logged.contains("\"GET /2018-01-02/B04.tif HTTP/2.0\" 206 10"), logged);
    }

    @Test
    void listShowsFolders() throws Exception {
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0", "--list")) {
            String url = serving.url();
            CommandResult r = Gdal.execute(Map.of(), TIMEOUT, "curl", "-sS", url + "2018-01-02/");
            assertTrue(r.stdout().contains("<a href=\"B04.tif\">"), r.stdout());
        }
    }

    @Test
    void aKeyThatIsNotPkcs8FailsWithExitOneAndSaysHowToConvertIt() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Gdal.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost");
        Path rsa = dir.resolve("rsa.pem");
        Gdal.run("openssl", "rsa", "-in", key.toString(), "-out", rsa.toString(), "-traditional");
        CliRun run = CliRun.of("serve", cube.toString(), "--port", "0", "--tls-cert", cert.toString(),
                "--tls-key", rsa.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("RSA PRIVATE KEY") && run.err().contains("openssl pkcs8 -topk8"), run.err());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, CliRun.of("serve", cube.toString(), "--tls-cert", "cert.pem").exitCode());
        assertEquals(2, CliRun.of("serve", cube.toString(), "--tls-self-signed", "--tls-cert", "c", "--tls-key", "k")
                .exitCode());
        CliRun port = CliRun.of("serve", cube.toString(), "--port", "70000");
        assertEquals(2, port.exitCode());
        assertTrue(port.err().contains("0 (any free port) to 65535"), port.err());
        assertTrue(port.err().contains("cogcube serve --help"), port.err());
    }

    @Test
    void maxCutPixelsBoundsServerSideCuts() throws Exception {
        GridGeometry grid;
        try (GeoTiff tiff = GeoTiff.open(cube.resolve("2018-01-02/B04.tif").toString())) {
            grid = tiff.grid();
        }
        double minX = grid.transform().x(0, 0);
        double maxY = grid.transform().y(0, 0);
        double maxX = grid.transform().x(8, 8);
        double minY = grid.transform().y(8, 8);
        String query = new CutRequest(List.of("2018-01-02/B04.tif"),
                Query.bbox(minX, minY, maxX, maxY, grid.crs()), false).toQuery();
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0", "--max-cut-pixels", "63")) {
            assertEquals("1.1 413", curl("--http1.1", serving.url() + "_cogcube/cut?" + query));
        }
        try (Serving serving = new Serving("serve", cube.toString(), "--port", "0", "--max-cut-pixels", "64")) {
            assertEquals("1.1 200", curl("--http1.1", serving.url() + "_cogcube/cut?" + query));
        }
        assertEquals(2, CliRun.of("serve", cube.toString(), "--max-cut-pixels", "0").exitCode());
    }

    @Test
    void aMissingFolderFailsWithExitOneAndNamesIt() {
        CliRun run = CliRun.of("serve", dir.resolve("absent").toString(), "--port", "0");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("absent") && run.err().contains("no such folder"), run.err());
    }

    @Test
    void aPortInUseFailsWithExitOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", cube.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
        }
    }

    @Test
    void helpTeachesWithExamples() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--tls-self-signed") && run.out().contains("Examples:"), run.out());
    }
}
