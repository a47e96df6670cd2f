package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large responses over one HTTP/2 connection, many at once and many abandoned by the client mid-body
 * (a stream reset, a closed connection): every complete one holds the file's bytes, and none leaves
 * the file open once the server stops.
 *
 * <p>The abandoned streams share one connection and the complete ones another. Java 17's client
 * does not give the connection's flow-control window back for bytes it received on a stream it
 * then cancelled (later JDKs do), so abandoned streams leak their received bytes out of the
 * connection's 32 MiB window; sharing it, the complete responses would stall until the server's
 * idle timeout reset them. {@link #ABANDONED} streams of {@link #SIZE} bytes stay below that window
 * even if every byte leaks.
 */
class AbandonedResponsesTest {
    static final int SIZE = 4 << 20;
    static final int ABANDONED = 6;

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentAndAbandonedResponsesLeaveNoFileOpen(boolean secure) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "open files are counted in /proc/self/fd");
        byte[] content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Path file = Files.write(root.resolve("B04.tif"), content).toRealPath();
        ServerOptions options = ServerOptions.of(root).withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withBufferSize(16 * 1024));
        if (secure) {
            options = options.withTls(TlsSource.selfSigned());
        }
        try (CubeServer server = CubeServer.start(options)) {
            HttpClient client = TrustingClient.http2();
            HttpClient abandoning = TrustingClient.http2();
            HttpRequest get = HttpRequest.newBuilder(server.uri().resolve("B04.tif")).build();
            // The first requests set the connections up (in cleartext: upgraded from HTTP/1.1 to h2c).
            assertArrayEquals(content, client.send(get, HttpResponse.BodyHandlers.ofByteArray()).body());
            assertEquals(SIZE, abandoning.send(get, HttpResponse.BodyHandlers.ofByteArray()).body().length);
            List<CompletableFuture<HttpResponse<byte[]>>> whole = new ArrayList<>();
            List<CompletableFuture<HttpResponse<InputStream>>> abandoned = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                whole.add(client.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()));
                if (i < ABANDONED) {
                    abandoned.add(abandoning.sendAsync(get, HttpResponse.BodyHandlers.ofInputStream()));
                }
            }
            for (CompletableFuture<HttpResponse<InputStream>> f : abandoned) {
                HttpResponse<InputStream> r = f.get();
                assertEquals(HttpClient.Version.HTTP_2, r.version());
                try (InputStream body = r.body()) {
                    body.readNBytes(100_000); // then closing it resets the stream
                }
            }
            for (int i = 0; i < 4; i++) {
                closeMidBody(server, "/B04.tif");
            }
            for (CompletableFuture<HttpResponse<byte[]>> f : whole) {
                HttpResponse<byte[]> r = f.get();
                assertEquals(200, r.statusCode());
                assertEquals(HttpClient.Version.HTTP_2, r.version());
                assertArrayEquals(content, r.body());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (openDescriptorsOf(file) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, openDescriptorsOf(file), "descriptors of " + file + " left open after the server stopped");
    }

    /** An HTTP/1.1 client that reads the start of the body and closes the connection. */
    private static void closeMidBody(CubeServer server, String target) throws IOException {
        if (server.secure()) {
            return; // the JDK client's resets cover TLS; a plain socket cannot speak it
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readNBytes(100_000);
        }
    }

    private static long openDescriptorsOf(Path file) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            }).count();
        }
    }
}
