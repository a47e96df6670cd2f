package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests meant to reach files outside the root, hidden files or listings, or to hold the server: all refused. */
class AbuseTest {
    static final String SECRET = "TOP-SECRET-CONTENT";

    @TempDir
    static Path dir;
    static CubeServer server;

    @BeforeAll
    static void serve() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cube"));
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("a.tif"), "servable");
        Files.writeString(root.resolve(".hidden"), SECRET);
        Files.createDirectories(root.resolve("sub/.git"));
        Files.writeString(root.resolve("sub/.git/config"), SECRET);
        Files.createDirectories(root.resolve("2018-01-02"));
        Files.writeString(root.resolve("2018-01-02/B04.tif"), "servable");
        Files.createSymbolicLink(root.resolve("link-out.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dir-out"), dir);
        Files.createSymbolicLink(root.resolve("link-in.tif"), root.resolve("2018-01-02/B04.tif"));
        server = CubeServer.start(ServerOptions.of(root).withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withHeaderTimeout(Duration.ofSeconds(2))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/..\\secret.txt", "/..%5csecret.txt",
        "/2018-01-02/..%5c..%5csecret.txt", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/a.tif%00.json", "/secret.txt%00", "/.hidden", "/./.hidden", "/%2ehidden", "/sub/.git/config",
        "/sub/%2egit/config", "/link-out.txt", "/dir-out/secret.txt", "/dir-out/cube/.hidden", "/..;/secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "../secret.txt", "http://127.0.0.1/../secret.txt", "/2018-01-02/", "/",
        "/sub/", "/dir-out/"})
    void traversalHiddenFilesAndListingsAreRefused(String target) throws IOException {
        RawHttp r = RawHttp.get(server.port(), target);
        assertTrue(Set.of(400, 403, 404).contains(r.status()), target + " -> " + r.status() + "\n" + r.head());
        assertFalse(r.body().contains(SECRET) || r.body().contains("root:"), target + " leaked:\n" + r.body());
        assertFalse(r.body().contains("B04.tif") || r.body().contains("a.tif"), target + " listed:\n" + r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a.tif", "/link-in.tif", "/2018-01-02/B04.tif", "/2018%2D01%2D02/B04.tif"})
    void filesAndLinksInsideTheRootAreServed(String target) throws IOException {
        RawHttp r = RawHttp.get(server.port(), target);
        assertEquals(200, r.status(), target + "\n" + r.head());
        assertEquals("servable", r.body());
    }

    @Test
    void anOverlongRequestLineIsRefused() throws IOException {
        RawHttp r = RawHttp.get(server.port(), "/" + "a".repeat(20_000));
        assertTrue(r.status() == 414 || r.status() == 431, "status " + r.status());
    }

    @Test
    void overlongHeadersAreRefused() throws IOException {
        RawHttp r = RawHttp.send(server.port(), "GET /a.tif HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "p".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, r.status(), r.head());
        StringBuilder many = new StringBuilder("GET /a.tif HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < 1000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertEquals(431, RawHttp.send(server.port(), many.append("\r\n").toString()).status());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aClientThatNeverFinishesItsHeadersIsDisconnected() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(250);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /a.tif HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] trickle = "X-Slow: a-header-that-never-ends-".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; ; i++) { // one byte every 250 ms, well inside the idle timeout, until cut off
                try {
                    out.write(trickle[i % trickle.length]);
                    out.flush();
                } catch (IOException cutOff) {
                    return;
                }
                try {
                    if (in.read() < 0) {
                        return;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // keep trickling
                } catch (IOException reset) {
                    return;
                }
            }
        }
    }
}
