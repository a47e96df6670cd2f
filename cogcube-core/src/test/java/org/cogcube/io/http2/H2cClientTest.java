package org.cogcube.io.http2;

import static org.cogcube.io.http2.HpackTest.fields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP/2 client against a scripted server, for what a well-behaved nginx never shows. */
@Timeout(60)
class H2cClientTest {
    private final H2cConnections connections = new H2cConnections(Duration.ofSeconds(30));
    private final H2cClient client = new H2cClient(Duration.ofSeconds(10), connections);

    private CompletableFuture<HttpResponse<byte[]>> get(ScriptedServer server, String path) {
        return get(server, path, Duration.ofSeconds(20));
    }

    private CompletableFuture<HttpResponse<byte[]>> get(ScriptedServer server, String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).GET().timeout(timeout)
                .header("User-Agent", "cogcube-test").build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void sendsTheRequestsPseudoHeadersAndReadsTheResponse() throws Exception {
        byte[] body = bytes(40_000);
        List<HeaderField> received = new ArrayList<>();
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int stream = peer.awaitRequest();
            received.addAll(peer.requests.get(stream));
            peer.respond(stream, 200, Map.of("content-length", "40000", "etag", "\"abc\""), body);
            peer.next();
        })) {
            HttpResponse<byte[]> response = await(get(server, "a/b.tif?x=1"));
            assertEquals(200, response.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertEquals("\"abc\"", response.headers().firstValue("ETag").orElseThrow());
            assertArrayEquals(body, response.body());
            assertEquals(fields(":method", "GET", ":scheme", "http", ":authority", server.uri("").getAuthority(),
                    ":path", "/a/b.tif?x=1", "user-agent", "cogcube-test"), received);
        }
    }

    @Test
    void readsPaddedFramesAndHeadersContinuedAfterAnInformationalAnswer() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int stream = peer.awaitRequest();
            peer.writer.headers(stream, HpackEncoder.encode(fields(":status", "103", "link", "</a>")), false,
                    Frame.DEFAULT_MAX_SIZE);
            byte[] block = HpackEncoder.encode(fields(":status", "206", "content-range", "bytes 0-5/6",
                    "x-filler", "f".repeat(100)));
            byte[] first = new byte[1 + 5 + 20 + 3]; // pad length, priority, 20 bytes of the block, 3 of padding
            first[0] = 3;
            System.arraycopy(block, 0, first, 6, 20);
            peer.writer.write(FrameType.HEADERS, Frame.PADDED | Frame.PRIORITY, stream, first);
            peer.writer.write(FrameType.CONTINUATION, 0, stream, java.util.Arrays.copyOfRange(block, 20, 40));
            peer.writer.write(FrameType.CONTINUATION, Frame.END_HEADERS, stream,
                    java.util.Arrays.copyOfRange(block, 40, block.length));
            peer.writer.write(FrameType.DATA, Frame.PADDED, stream, new byte[] {4, 'a', 'b', 'c', 0, 0, 0, 0});
            peer.writer.write(FrameType.DATA, Frame.PADDED, stream, new byte[] {0});
            peer.writer.write(FrameType.DATA, Frame.PADDED | Frame.END_STREAM, stream, new byte[] {1, 'd', 'e', 'f', 0});
            peer.next();
        })) {
            HttpResponse<byte[]> response = await(get(server, "padded"));
            assertEquals(206, response.statusCode());
            assertEquals("bytes 0-5/6", response.headers().firstValue("content-range").orElseThrow());
            assertEquals("abcdef", new String(response.body(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void answersPings() throws Exception {
        byte[] opaque = {1, 2, 3, 4, 5, 6, 7, 8};
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int stream = peer.awaitRequest();
            peer.writer.ping(false, opaque);
            Frame ack = peer.next();
            assertEquals(FrameType.PING.code, ack.type());
            assertTrue(ack.has(Frame.ACK));
            assertArrayEquals(opaque, ack.payload());
            peer.respond(stream, 200, Map.of(), new byte[0]);
            peer.next();
        })) {
            assertEquals(200, await(get(server, "ping")).statusCode());
        }
    }

    @Test
    void sendsRequestsWithoutWaitingForTheServersSettings() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readPreface();
            int first = peer.awaitRequest(); // a round trip early: this side has sent nothing yet
            int second = peer.awaitRequest();
            peer.writer.settings(Map.of(Setting.MAX_CONCURRENT_STREAMS, 1));
            peer.writer.settingsAck();
            peer.respond(first, 200, Map.of(), "one".getBytes(StandardCharsets.US_ASCII));
            peer.respond(second, 200, Map.of(), "two".getBytes(StandardCharsets.US_ASCII));
            peer.next();
        })) {
            CompletableFuture<HttpResponse<byte[]>> one = get(server, "one");
            CompletableFuture<HttpResponse<byte[]>> two = get(server, "two");
            assertEquals("one", new String(await(one).body(), StandardCharsets.US_ASCII));
            assertEquals("two", new String(await(two).body(), StandardCharsets.US_ASCII));
            assertEquals(1, connections.opened());
        }
    }

    @Test
    void opensAtMostAHundredStreamsBeforeTheServersSettings() throws Exception {
        int requests = H2cConnection.STREAMS_BEFORE_SETTINGS + 5;
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readPreface();
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < H2cConnection.STREAMS_BEFORE_SETTINGS; i++) {
                open.add(peer.awaitRequest());
            }
            Thread.sleep(300); // every chance to overstep the limit
            peer.writer.settings(Map.of());
            Frame f; // frames before the client's SETTINGS ACK were sent before it knew the server's SETTINGS
            while (!(f = peer.reader.next(Frame.MAX_MAX_SIZE)).is(FrameType.SETTINGS) || !f.has(Frame.ACK)) {
                assertTrue(!f.is(FrameType.HEADERS), "a stream opened beyond the limit before SETTINGS: " + f);
            }
            peer.writer.settingsAck();
            for (int i = open.size(); i < requests; i++) {
                open.add(peer.awaitRequest());
            }
            for (int stream : open) {
                peer.respond(stream, 200, Map.of(), new byte[0]);
            }
            peer.next();
        })) {
            List<CompletableFuture<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(get(server, "early-" + i));
            }
            for (CompletableFuture<HttpResponse<byte[]>> result : results) {
                assertEquals(200, await(result).statusCode());
            }
        }
    }

    @Test
    void neverOpensMoreStreamsThanTheServerAllows() throws Exception {
        int requests = 9;
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake(Map.of(Setting.MAX_CONCURRENT_STREAMS, 2));
            peer.respond(peer.awaitRequest(), 200, Map.of(), new byte[0]); // the client now knows the limit
            int answered = 0;
            while (answered < requests) {
                List<Integer> open = new ArrayList<>();
                open.add(peer.awaitRequest());
                if (answered + 1 < requests) {
                    open.add(peer.awaitRequest());
                }
                // Give the client every chance to overstep the limit before answering.
                peer.writer.ping(false, new byte[8]);
                Frame f;
                while (!(f = peer.next()).is(FrameType.PING)) {
                    assertTrue(!f.is(FrameType.HEADERS), "a third stream opened while two were: " + f);
                }
                for (int stream : open) {
                    peer.respond(stream, 200, Map.of(), ("stream " + stream).getBytes(StandardCharsets.US_ASCII));
                }
                answered += open.size();
            }
            peer.next();
        })) {
            assertEquals(200, await(get(server, "first")).statusCode());
            List<CompletableFuture<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(get(server, "limited-" + i));
            }
            for (CompletableFuture<HttpResponse<byte[]>> result : results) {
                assertTrue(new String(await(result).body(), StandardCharsets.US_ASCII).startsWith("stream "));
            }
            assertEquals(1, connections.opened());
        }
    }

    @Test
    void failsStreamsAboveGoAwaysLastStreamAndMovesQueuedOnesToANewConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake(Map.of(Setting.MAX_CONCURRENT_STREAMS, 2));
            peer.respond(peer.awaitRequest(), 200, Map.of(), new byte[0]); // the client now knows the limit
            int first = peer.awaitRequest();
            int second = peer.awaitRequest();
            peer.goAway(first, ErrorCode.NO_ERROR);
            peer.respond(first, 200, Map.of(), "first".getBytes(StandardCharsets.US_ASCII));
            peer.next(); // the client closes once the first stream is done
            assertTrue(second > first);
        }, peer -> {
            peer.handshake();
            for (int i = 0; i < 2; i++) {
                peer.respond(peer.awaitRequest(), 200, Map.of(), "moved".getBytes(StandardCharsets.US_ASCII));
            }
            peer.next();
        })) {
            assertEquals(200, await(get(server, "0")).statusCode());
            CompletableFuture<HttpResponse<byte[]>> first = get(server, "1");
            CompletableFuture<HttpResponse<byte[]>> refused = get(server, "2");
            CompletableFuture<HttpResponse<byte[]>> queued1 = get(server, "3");
            CompletableFuture<HttpResponse<byte[]>> queued2 = get(server, "4");
            assertEquals("first", new String(await(first).body(), StandardCharsets.US_ASCII));
            IOException e = failure(refused);
            assertTrue(e.getMessage().contains("GOAWAY") && e.getMessage().contains("not processed"), e.getMessage());
            assertEquals("moved", new String(await(queued1).body(), StandardCharsets.US_ASCII));
            assertEquals("moved", new String(await(queued2).body(), StandardCharsets.US_ASCII));
            assertEquals(2, connections.opened());
        }
    }

    @Test
    void failsAResetStreamAndKeepsTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int first = peer.awaitRequest();
            peer.writer.rstStream(first, ErrorCode.REFUSED_STREAM);
            int second = peer.awaitRequest();
            peer.respond(second, 200, Map.of(), "ok".getBytes(StandardCharsets.US_ASCII));
            peer.next();
        })) {
            IOException e = failure(get(server, "reset"));
            assertTrue(e.getMessage().contains("REFUSED_STREAM"), e.getMessage());
            assertEquals("ok", new String(await(get(server, "after")).body(), StandardCharsets.US_ASCII));
            assertEquals(1, connections.opened());
        }
    }

    @Test
    void failsEveryStreamOnAConnectionErrorAndSaysSoWithGoAway() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            peer.awaitRequest();
            peer.awaitRequest();
            peer.writer.write(FrameType.DATA, 0, 0, new byte[3]); // DATA on stream 0
            Frame goAway = peer.next();
            assertEquals(FrameType.GOAWAY.code, goAway.type());
            assertEquals(ErrorCode.PROTOCOL_ERROR.code, goAway.intAt(4));
        })) {
            CompletableFuture<HttpResponse<byte[]>> a = get(server, "a");
            CompletableFuture<HttpResponse<byte[]>> b = get(server, "b");
            for (IOException e : List.of(failure(a), failure(b))) {
                assertTrue(e.getMessage().contains("PROTOCOL_ERROR") && e.getMessage().contains("stream 0"),
                        e.getMessage());
            }
        }
    }

    @Test
    void failsAStreamWhoseBodyIsCutWhenTheServerCloses() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int stream = peer.awaitRequest();
            peer.writer.headers(stream, HpackEncoder.encode(fields(":status", "200", "content-length", "100")), false,
                    Frame.DEFAULT_MAX_SIZE);
            peer.writer.write(FrameType.DATA, 0, stream, new byte[50]);
            peer.socket.close();
        })) {
            IOException e = failure(get(server, "cut"));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    void timesOutWhenTheServerSaysNothingAndResetsTheStream() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int stream = peer.awaitRequest();
            Frame reset = peer.next();
            assertEquals(FrameType.RST_STREAM.code, reset.type());
            assertEquals(stream, reset.streamId());
            assertEquals(ErrorCode.CANCEL.code, reset.intAt(0));
        })) {
            assertInstanceOf(HttpTimeoutException.class, failure(get(server, "silent", Duration.ofMillis(300))));
        }
    }

    @Test
    void refusesAServerThatDoesNotSpeakHttp2() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            OutputStream out = peer.socket.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            peer.socket.getInputStream().readNBytes(24);
        })) {
            IOException e = failure(get(server, "h1"));
            assertTrue(e.getMessage().contains("prior knowledge"), e.getMessage());
        }
    }

    @Test
    void splitsALargeHeaderBlockIntoContinuationFrames() throws Exception {
        String big = "v".repeat(40_000);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            Frame headers = peer.next();
            assertTrue(!headers.has(Frame.END_HEADERS) && headers.payload().length <= Frame.DEFAULT_MAX_SIZE);
            int stream = peer.readRequest(headers);
            assertTrue(peer.requests.get(stream).contains(new HeaderField("x-big", big)));
            peer.respond(stream, 204, Map.of(), new byte[0]);
            peer.next();
        })) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("big")).GET().header("X-Big", big).build();
            assertEquals(204, await(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())).statusCode());
        }
    }

    @Test
    void failsABodyLongerThanItsContentLength() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int stream = peer.awaitRequest();
            peer.respond(stream, 200, Map.of("content-length", "3"), new byte[5]);
            peer.next();
        })) {
            IOException e = failure(get(server, "long"));
            assertTrue(e.getMessage().contains("content-length"), e.getMessage());
        }
    }

    @Test
    void refusesRequestsItCannotSend() {
        HttpRequest post = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:1/x"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();
        assertThrows(IllegalArgumentException.class, () -> client.sendAsync(post, HttpResponse.BodyHandlers.ofByteArray()));
        HttpRequest tls = HttpRequest.newBuilder(java.net.URI.create("https://127.0.0.1:1/x")).build();
        assertThrows(IllegalArgumentException.class, () -> client.sendAsync(tls, HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Test
    void givesUpOnAServerThatNeverSendsItsPreface() throws Exception {
        H2cClient impatient = new H2cClient(Duration.ofMillis(300), connections);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.socket.getInputStream().readNBytes(FrameWriter.PREFACE.length);
            peer.socket.getInputStream().read(); // until the client hangs up
        })) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("mute")).timeout(Duration.ofSeconds(20)).build();
            IOException e = failure(impatient.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
            assertTrue(e.getMessage().contains("preface"), e.getMessage());
            assertEquals(0, connections.open());
        }
    }

    @Test
    void dropsAConnectionThatDoesNotAnswerAPingAfterATimeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            peer.awaitRequest();
            peer.socket.getInputStream().readAllBytes(); // silent until the client hangs up
        }, peer -> {
            peer.handshake();
            peer.respond(peer.awaitRequest(), 200, Map.of(), "fresh".getBytes(StandardCharsets.US_ASCII));
            peer.next();
        })) {
            assertInstanceOf(HttpTimeoutException.class, failure(get(server, "stuck", Duration.ofMillis(300))));
            while (connections.open() > 0) { // the PING sent after the timeout goes unanswered
                Thread.sleep(20);
            }
            assertEquals("fresh", new String(await(get(server, "again")).body(), StandardCharsets.US_ASCII));
            assertEquals(2, connections.opened());
        }
    }

    @Test
    void keepsAConnectionThatAnswersThePingAfterATimeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            int slow = peer.awaitRequest();
            Frame reset = peer.next();
            assertEquals(FrameType.RST_STREAM.code, reset.type());
            assertEquals(slow, reset.streamId());
            int again = 0;
            boolean pinged = false;
            while (again == 0 || !pinged) { // the PING and the next request, in either order
                Frame f = peer.next();
                if (f.is(FrameType.PING)) {
                    peer.writer.ping(true, f.payload());
                    pinged = true;
                } else {
                    again = peer.readRequest(f);
                }
            }
            peer.respond(again, 200, Map.of(), "same".getBytes(StandardCharsets.US_ASCII));
            peer.next();
        })) {
            assertInstanceOf(HttpTimeoutException.class, failure(get(server, "slow", Duration.ofMillis(300))));
            assertEquals("same", new String(await(get(server, "again")).body(), StandardCharsets.US_ASCII));
            assertEquals(1, connections.opened());
        }
    }

    @Test
    void failsTheRequestWhoseSubscriberThrowsAndKeepsTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.handshake();
            peer.respond(peer.awaitRequest(), 200, Map.of(), new byte[10]);
            peer.respond(peer.awaitRequest(), 200, Map.of(), new byte[10]);
            peer.next();
        })) {
            IllegalStateException thrown = new IllegalStateException("subscriber bug");
            HttpRequest request = HttpRequest.newBuilder(server.uri("throws")).timeout(Duration.ofSeconds(20)).build();
            CompletableFuture<HttpResponse<byte[]>> broken = client.sendAsync(request, info -> new ThrowingOnData(thrown));
            ExecutionException e = assertThrows(ExecutionException.class, () -> broken.get(30, TimeUnit.SECONDS));
            assertEquals(thrown, e.getCause());
            assertEquals(10, await(get(server, "fine")).body().length);
            assertEquals(1, connections.opened());
        }
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, found " + e.getCause(), e.getCause());
        }
    }

    static IOException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(IOException.class, e.getCause(), "the failure");
    }

    static byte[] bytes(int length) {
        byte[] b = new byte[length];
        new java.util.Random(length).nextBytes(b);
        return b;
    }

    /** Collects a body like the JDK's subscriber, but throws on the first data. */
    private static final class ThrowingOnData implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> inner = HttpResponse.BodySubscribers.ofByteArray();
        private final RuntimeException thrown;

        ThrowingOnData(RuntimeException thrown) {
            this.thrown = thrown;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return inner.getBody();
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            inner.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> item) {
            throw thrown;
        }

        @Override
        public void onError(Throwable throwable) {
            inner.onError(throwable);
        }

        @Override
        public void onComplete() {
            inner.onComplete();
        }
    }
}
