package org.cogcube.io.http1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.cogcube.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP/1.1 client against a server scripted byte for byte: framings, persistence, stale and cut connections. */
@Timeout(30)
class Http1ClientTest {
    private static final byte[] BODY = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<List<String>> heads = new ArrayList<>();
    private RawHttpServer server;
    private final Http1Client client = new Http1Client(org.cogcube.io.net.Dialer.cleartext(), Duration.ofSeconds(5), 4, new Http1Pool(Duration.ofSeconds(30)));

    @AfterEach
    void stop() throws IOException {
        ended.countDown();
        if (server != null) {
            server.close();
        }
    }

    private void serve(RawHttpServer.Script script) throws IOException {
        server = new RawHttpServer(script);
    }

    /** Reads the next request head, recording it; null when the client closed the connection. */
    private List<String> next(RawHttpServer.Conversation c) throws IOException {
        List<String> head = c.readRequest();
        if (head != null) {
            synchronized (heads) {
                heads.add(head);
            }
        }
        return head;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return get(path, Duration.ofSeconds(10));
    }

    private HttpResponse<byte[]> get(String path, Duration timeout) throws Exception {
        return send(path, timeout).get(20, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<byte[]>> send(String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(timeout)
                .header("Range", "bytes=0-35").header("User-Agent", "cogcube-test").build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Throwable failure(String path, Duration timeout) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(path, timeout));
        return e.getCause();
    }

    private static String ok(byte[] body, String... headers) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n" + String.join("", headers) + "\r\n";
    }

    @Test
    void sendsTheRequestLineHostAndHeaders() throws Exception {
        serve(c -> {
            while (next(c) != null) {
                c.write(ok(BODY));
                c.write(BODY);
            }
        });
        get("a/b%20c.tif?x=1");
        List<String> head = heads.get(0);
        assertEquals("GET /a/b%20c.tif?x=1 HTTP/1.1", head.get(0));
        assertEquals("127.0.0.1:" + server.uri("").getPort(), RawHttpServer.header(head, "Host"));
        assertEquals("bytes=0-35", RawHttpServer.header(head, "Range"));
        assertEquals("cogcube-test", RawHttpServer.header(head, "User-Agent"));
    }

    @Test
    void keepsOneConnectionForRequestsOneAfterAnother() throws Exception {
        serve(c -> {
            while (next(c) != null) {
                c.write(ok(BODY));
                c.write(BODY);
            }
        });
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(BODY, get("k.bin").body());
        }
        assertEquals(1, server.connections());
        assertEquals(1, client.connectionsOpened());
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailersThenKeepsTheConnection() throws Exception {
        serve(c -> {
            while (next(c) != null) {
                c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                c.write("a;name=value\r\n0123456789\r\n");
                c.write("1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Checksum: 1\r\n\r\n");
            }
        });
        assertArrayEquals(BODY, get("chunked.bin").body());
        assertArrayEquals(BODY, get("chunked.bin").body());
        assertEquals(1, server.connections());
    }

    @Test
    void rejectsAMalformedChunkSize() throws Exception {
        serve(c -> {
            next(c);
            c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        });
        Throwable t = failure("bad-chunk.bin", Duration.ofSeconds(10));
        assertTrue(t.getMessage().contains("expected a chunk size in hexadecimal") && t.getMessage().contains("\"zz\""),
                t.getMessage());
    }

    @Test
    void opensANewConnectionAfterConnectionClose() throws Exception {
        serve(c -> {
            next(c);
            c.write(ok(BODY, "Connection: close\r\n"));
            c.write(BODY);
            next(c); // the client must not send a second request here
        });
        assertArrayEquals(BODY, get("close.bin").body());
        assertArrayEquals(BODY, get("close.bin").body());
        assertEquals(2, server.connections());
        assertEquals(2, server.requests());
    }

    @Test
    void readsAnHttp10BodyDelimitedByTheEndOfTheConnection() throws Exception {
        serve(c -> {
            next(c);
            c.write("HTTP/1.0 200 OK\r\nServer: old\r\n\r\n");
            c.write(BODY);
            c.close();
        });
        HttpResponse<byte[]> first = get("old.bin");
        assertArrayEquals(BODY, first.body());
        assertArrayEquals(BODY, get("old.bin").body());
        assertEquals(2, server.connections(), "an HTTP/1.0 connection without keep-alive is not reused");
    }

    @Test
    void keepsAnHttp10ConnectionThatSaysKeepAlive() throws Exception {
        serve(c -> {
            while (next(c) != null) {
                c.write("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: " + BODY.length + "\r\n\r\n");
                c.write(BODY);
            }
        });
        get("ka.bin");
        assertArrayEquals(BODY, get("ka.bin").body());
        assertEquals(1, server.connections());
    }

    @Test
    void skipsAnInterimResponse() throws Exception {
        serve(c -> {
            next(c);
            c.write("HTTP/1.1 100 Continue\r\n\r\n" + ok(BODY));
            c.write(BODY);
        });
        HttpResponse<byte[]> response = get("interim.bin");
        assertEquals(200, response.statusCode());
        assertArrayEquals(BODY, response.body());
    }

    @Test
    void resendsOnceOnANewConnectionWhenThePooledOneWasClosedWhileIdle() throws Exception {
        serve(c -> {
            next(c);
            c.write(ok(BODY));
            c.write(BODY);
            if (c.number() == 1) {
                Thread.sleep(100); // the answer is read, the connection pooled, then the server closes it
                c.close();
            }
        });
        assertArrayEquals(BODY, get("idle.bin").body());
        Thread.sleep(300);
        assertArrayEquals(BODY, get("idle.bin").body());
        assertEquals(2, server.connections());
        assertEquals(2, server.requests(), "the request found the old connection closed before it reached the server");
    }

    @Test
    void resendsOnlyOnceWhenTheNewConnectionFailsToo() throws Exception {
        serve(c -> {
            next(c);
            if (c.number() == 1) {
                c.write(ok(BODY));
                c.write(BODY);
                next(c); // a second request on this connection: close it unanswered, as if idle-closed
            }
            c.close();
        });
        assertArrayEquals(BODY, get("twice.bin").body());
        Throwable t = failure("twice.bin", Duration.ofSeconds(10));
        assertInstanceOf(EOFException.class, t);
        assertTrue(t.getMessage().contains("expected a response from 127.0.0.1:" + server.uri("").getPort())
                && t.getMessage().contains("connection closed"), t.getMessage());
        assertEquals(2, server.connections());
    }

    @Test
    void doesNotResendOnceTheResponseHasBegun() throws Exception {
        serve(c -> {
            next(c);
            c.write(ok(BODY));
            c.write(BODY);
            next(c);
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
            c.close();
        });
        get("begun.bin");
        Throwable t = failure("begun.bin", Duration.ofSeconds(10));
        assertTrue(t.getMessage().contains("expected a body of 1000 bytes")
                && t.getMessage().contains("closed after 10 bytes"), t.getMessage());
        assertEquals(1, server.connections());
        assertEquals(2, server.requests());
    }

    @Test
    void timesOutWaitingForTheHeadNamingTheUrl() throws Exception {
        serve(c -> {
            next(c);
            ended.await();
        });
        Throwable t = failure("stalled.bin", Duration.ofMillis(200));
        assertInstanceOf(HttpTimeoutException.class, t);
        assertTrue(t.getMessage().contains(server.uri("stalled.bin").toString()) && t.getMessage().contains("200 ms"),
                t.getMessage());
    }

    @Test
    void timesOutWhenTheBodyStalls() throws Exception {
        serve(c -> {
            next(c);
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
            ended.await();
        });
        Throwable t = failure("slow-body.bin", Duration.ofMillis(200));
        assertInstanceOf(HttpTimeoutException.class, t);
        assertTrue(t.getMessage().contains("more of the body"), t.getMessage());
    }

    @Test
    void rejectsAnAnswerThatIsNotHttp1() throws Exception {
        serve(c -> {
            next(c);
            c.write(new byte[] {0, 0, 8, 7, 0, 0, 0, 0, 0, '\n'}); // an HTTP/2 GOAWAY, as an h2c-only port sends
        });
        Throwable t = failure("h2.bin", Duration.ofSeconds(10));
        assertTrue(t.getMessage().contains("expected an HTTP/1.1 status line") && t.getMessage().contains("\\x00"),
                t.getMessage());
    }

    @Test
    void drainsTheShortBodyOfACancelledResponseAndKeepsTheConnection() throws Exception {
        serve(c -> {
            while (next(c) != null) {
                c.write("HTTP/1.1 404 Not Found\r\nContent-Length: " + BODY.length + "\r\n\r\n");
                c.write(BODY);
            }
        });
        for (int i = 0; i < 3; i++) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("missing.bin")).build();
            HttpResponse<Void> response = client.sendAsync(request, info -> new Cancelling()).get(10, TimeUnit.SECONDS);
            assertEquals(404, response.statusCode());
        }
        assertEquals(1, server.connections());
    }

    @Test
    void refusesOtherSchemesAndRequestsWithBodies() {
        assertThrows(IllegalArgumentException.class, () -> client.sendAsync(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1/a")).build(), HttpResponse.BodyHandlers.ofByteArray()));
        assertThrows(IllegalArgumentException.class, () -> client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1/a")).POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** Wants no body: cancels at once, as the range reader does for an answer it will reject. */
    private static final class Cancelling implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> body = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
            body.complete(null);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            throw new AssertionError("expected no data after a cancel");
        }

        @Override
        public void onError(Throwable t) {
            body.complete(null);
        }

        @Override
        public void onComplete() {
            body.complete(null);
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> getBody() {
            return body;
        }
    }
}
