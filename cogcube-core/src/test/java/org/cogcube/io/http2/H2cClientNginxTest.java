package org.cogcube.io.http2;

import static org.cogcube.io.http2.H2cClientTest.await;
import static org.cogcube.io.http2.H2cClientTest.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP/2 client against nginx listening for h2c with prior knowledge. */
@Timeout(120)
class H2cClientNginxTest {
    @TempDir
    Path root;

    @BeforeEach
    void needsNginx() {
        assumeTrue(NginxServer.available(), "nginx is not installed (scripts/install-test-tools installs it)");
    }

    private static HttpRequest get(URI uri, String range) {
        return HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30)).header("Range", range).build();
    }

    @Test
    void queuesStreamsBeyondNginxsLimitOnOneConnection() throws Exception {
        byte[] content = H2cClientTest.bytes(100_000);
        Files.write(root.resolve("many.bin"), content);
        H2cConnections connections = new H2cConnections(Duration.ofSeconds(30));
        H2cClient client = new H2cClient(Duration.ofSeconds(10), connections);
        try (NginxServer nginx = NginxServer.start(root, NginxServer.Mode.H2C)) {
            List<CompletableFuture<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) { // nginx allows 128 concurrent streams
                results.add(client.sendAsync(get(nginx.uri("many.bin"), "bytes=" + (i * 100) + "-" + (i * 100 + 999)),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (int i = 0; i < results.size(); i++) {
                HttpResponse<byte[]> response = await(results.get(i));
                assertEquals(206, response.statusCode());
                assertArrayEquals(Arrays.copyOfRange(content, i * 100, i * 100 + 1000), response.body(), "range " + i);
            }
            assertEquals(1, connections.opened());
        }
    }

    @Test
    void closingTheConnectionsEndsTheirReadingThreadsAndTheNextRequestOpensAnother() throws Exception {
        byte[] content = H2cClientTest.bytes(10_000);
        Files.write(root.resolve("again.bin"), content);
        H2cConnections connections = new H2cConnections(Duration.ofSeconds(30));
        H2cClient client = new H2cClient(Duration.ofSeconds(10), connections);
        try (NginxServer nginx = NginxServer.start(root, NginxServer.Mode.H2C)) {
            HttpRequest request = get(nginx.uri("again.bin"), "bytes=0-99");
            assertEquals(206, await(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())).statusCode());
            String reader = "cogcube-h2c-127.0.0.1:" + nginx.uri("").getPort();
            assertTrue(readingThreads(reader) > 0, "a thread reads the open connection");
            connections.closeAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (readingThreads(reader) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, readingThreads(reader), "no thread left reading a closed connection");
            HttpResponse<byte[]> again = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
            assertArrayEquals(Arrays.copyOf(content, 100), again.body());
            assertEquals(2, connections.opened());
        }
    }

    private static long readingThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }

    @Test
    void failsAStreamCutMidBodyWhenNginxStops() throws Exception {
        Files.write(root.resolve("big.bin"), H2cClientTest.bytes(32 << 20));
        H2cClient client = new H2cClient(Duration.ofSeconds(10), new H2cConnections(Duration.ofSeconds(30)));
        Stalling body = new Stalling();
        CompletableFuture<HttpResponse<Void>> result;
        try (NginxServer nginx = NginxServer.start(root, NginxServer.Mode.H2C)) {
            result = client.sendAsync(get(nginx.uri("big.bin"), "bytes=0-33554431"), info -> body);
            assertTrue(body.firstBytes.await(30, TimeUnit.SECONDS), "the body started");
        } // nginx stops while the body is held back by flow control
        IOException e = failure(result);
        assertTrue(e.getMessage().contains("closed") || e.getMessage().contains("reset"), e.getMessage());
        assertTrue(body.failed.await(30, TimeUnit.SECONDS), "the subscriber was told");
    }

    @Test
    void closesIdleConnectionsAndOpensANewOneWhenNeeded() throws Exception {
        Files.write(root.resolve("idle.bin"), H2cClientTest.bytes(1000));
        H2cConnections connections = new H2cConnections(Duration.ofMillis(100));
        H2cClient client = new H2cClient(Duration.ofSeconds(10), connections);
        try (NginxServer nginx = NginxServer.start(root, NginxServer.Mode.H2C)) {
            assertEquals(206, await(client.sendAsync(get(nginx.uri("idle.bin"), "bytes=0-9"),
                    HttpResponse.BodyHandlers.ofByteArray())).statusCode());
            while (connections.open() > 0) { // waits for the idle close; the class timeout guards against a hang
                Thread.sleep(20);
            }
            assertEquals(206, await(client.sendAsync(get(nginx.uri("idle.bin"), "bytes=0-9"),
                    HttpResponse.BodyHandlers.ofByteArray())).statusCode());
            assertEquals(2, connections.opened());
        }
    }

    /** Takes one buffer and asks for no more, so the server is held back by the stream's window. */
    private static final class Stalling implements HttpResponse.BodySubscriber<Void> {
        final CountDownLatch firstBytes = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        private final CompletableFuture<Void> result = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            firstBytes.countDown();
        }

        @Override
        public void onError(Throwable throwable) {
            failed.countDown();
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return result;
        }
    }
}
