package org.cogcube.io.http2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.cogcube.io.net.Dialer;

/**
 * One request and its response on a connection: the response headers, then the body handed to
 * the caller's {@link HttpResponse.BodySubscriber} as it asks for it. Data waiting for demand is
 * bounded by the stream's flow-control window, which is credited back (WINDOW_UPDATE) only as
 * the subscriber takes the data.
 *
 * <p>Frames arrive on the connection's reader thread; demand, cancellation and timeouts on any
 * thread. Every change of state holds this object's lock, which also keeps the subscriber's
 * signals in order.
 */
final class H2cStream<T> {
    /** Headers of HTTP/1.1 connections that HTTP/2 forbids (RFC 9113, section 8.2.2), and host (:authority). */
    private static final Set<String> CONNECTION_HEADERS = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host", "te");

    final HttpRequest request;
    final Dialer dialer;
    final String host;
    final int port;
    final Duration connectTimeout;
    private final HttpResponse.BodyHandler<T> handler;
    private final CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    private final long timeoutNanos;

    private volatile H2cConnection connection;
    /** The stream identifier, 0 until the request is sent; set under the connection's lock. */
    volatile int id;
    private volatile long lastProgress = System.nanoTime();

    // guarded by this
    private HttpResponse.BodySubscriber<T> subscriber;
    private final ArrayDeque<ByteBuffer> waiting = new ArrayDeque<>();
    private long demand;
    private boolean delivering;
    private boolean endReceived;
    private boolean terminated;
    private long expectedLength = -1;
    private long received;
    private int window = H2cConnection.STREAM_WINDOW;
    private int consumed;

    H2cStream(HttpRequest request, HttpResponse.BodyHandler<T> handler, Dialer dialer, String host, int port,
            Duration connectTimeout) {
        this.request = request;
        this.dialer = dialer;
        this.handler = handler;
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.timeoutNanos = request.timeout().map(Duration::toNanos).orElse(0L);
    }

    /** Completes with the response once its body is complete. */
    CompletableFuture<HttpResponse<T>> result() {
        return result;
    }

    /** Takes the stream into {@code c}'s care (again, after a GOAWAY, on another connection). */
    void attach(H2cConnection c) {
        connection = c;
    }

    /** Starts the request timeout, which runs from the last sign of progress. */
    void startTimer() {
        if (timeoutNanos > 0) {
            H2cThreads.timer().schedule(this::checkTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkTimeout() {
        if (result.isDone()) {
            return;
        }
        long quiet = System.nanoTime() - lastProgress;
        if (quiet < timeoutNanos) {
            H2cThreads.timer().schedule(this::checkTimeout, timeoutNanos - quiet, TimeUnit.NANOSECONDS);
            return;
        }
        HttpTimeoutException timeout = new HttpTimeoutException("expected an answer within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms on HTTP/2 stream " + id + ", found none (timed out)");
        fail(timeout, ErrorCode.CANCEL);
        // Also when the subscriber, told of the failure or done, never completes its body.
        H2cThreads.completions().execute(() -> result.completeExceptionally(timeout));
        H2cConnection c = connection;
        if (c != null) {
            c.probe(timeoutNanos);
        }
    }

    /** A complete header block for this stream: the response's headers, an informational answer or trailers. */
    synchronized void onHeaders(List<HeaderField> fields, boolean endStream) {
        if (terminated) {
            return;
        }
        lastProgress = System.nanoTime();
        if (subscriber != null) {
            if (!endStream) {
                malformed("expected trailers to end the stream, found a header block without END_STREAM");
                return;
            }
            endReceived = true;
            connection.forget(this, null);
            deliver();
            return;
        }
        String status = null;
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HeaderField f : fields) {
            if (f.name().equals(":status")) {
                status = f.value();
            } else if (f.name().startsWith(":")) {
                malformed("expected only :status among the response's pseudo-header fields, found " + f.name());
                return;
            } else if (!f.name().equals(f.name().toLowerCase(Locale.ROOT))) {
                malformed("expected lower-case header names, found " + f.name());
                return;
            } else {
                headers.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.value());
            }
        }
        if (status == null || !status.matches("[1-5]\\d\\d")) {
            malformed("expected a 3-digit :status, found " + (status == null ? "none" : status));
            return;
        }
        int code = Integer.parseInt(status);
        if (code < 200) {
            if (endStream) {
                malformed("expected a final answer after " + code + ", found the end of the stream");
            }
            return; // informational: the final answer follows
        }
        HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
        if (!request.method().equals("HEAD") && code != 204 && code != 304) {
            try {
                expectedLength = httpHeaders.firstValueAsLong("content-length").orElse(-1);
            } catch (NumberFormatException e) {
                malformed("expected a number in content-length, found " + httpHeaders.firstValue("content-length").get());
                return;
            }
        }
        ResponseInfo info = new ResponseInfo(code, httpHeaders);
        try {
            subscriber = handler.apply(info);
        } catch (RuntimeException e) {
            fail(e, ErrorCode.CANCEL);
            return;
        }
        subscriber.getBody().whenComplete((body, failure) -> H2cThreads.completions().execute(() -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(new H2cResponse<>(request, code, httpHeaders, body));
            }
        }));
        try {
            subscriber.onSubscribe(new Subscription());
        } catch (RuntimeException e) {
            subscriberFailed(e);
            return;
        }
        if (endStream) {
            endReceived = true;
            connection.forget(this, null);
            deliver();
        }
    }

    /**
     * A DATA frame's content for this stream.
     *
     * @param flowLength the frame's whole payload length, padding included, which flow control counts
     */
    synchronized void onData(ByteBuffer data, int flowLength, boolean endStream) {
        if (terminated) {
            return;
        }
        lastProgress = System.nanoTime();
        window -= flowLength;
        if (window < 0) {
            fail(new IOException("expected at most " + (window + flowLength) + " bytes within the flow-control"
                    + " window of HTTP/2 stream " + id + ", found a DATA frame of " + flowLength), ErrorCode.FLOW_CONTROL_ERROR);
            return;
        }
        if (subscriber == null) {
            malformed("expected response headers before DATA, found " + flowLength + " bytes of DATA");
            return;
        }
        credit(flowLength - data.remaining()); // padding is consumed on arrival
        received += data.remaining();
        if (expectedLength >= 0 && received > expectedLength) {
            malformed("expected a body of " + expectedLength + " bytes (content-length), found more");
            return;
        }
        if (data.hasRemaining()) {
            waiting.add(data);
        }
        if (endStream) {
            endReceived = true;
            connection.forget(this, null);
        }
        deliver();
    }

    /** The server reset the stream (RST_STREAM). */
    void onReset(int code) {
        fail(new IOException("HTTP/2 stream " + id + " of " + host + ":" + port + " was reset by the server with "
                + ErrorCode.describe(code)), null);
    }

    /**
     * Ends the stream with {@code failure}: the subscriber's {@code onError} if the headers came,
     * else the result's failure. When {@code reset} is given and the stream is still open, the
     * server is told with RST_STREAM.
     */
    void fail(Throwable failure, ErrorCode reset) {
        HttpResponse.BodySubscriber<T> s;
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
            waiting.clear();
            s = subscriber;
            if (s != null) {
                s.onError(failure);
            }
        }
        H2cConnection c = connection;
        if (c != null) {
            c.forget(this, reset);
        }
        if (s == null) {
            H2cThreads.completions().execute(() -> result.completeExceptionally(failure));
        }
    }

    private void malformed(String message) {
        fail(new IOException("malformed HTTP/2 response on stream " + id + " from " + host + ":" + port + ": "
                + message), ErrorCode.PROTOCOL_ERROR);
    }

    /** Hands waiting data to the subscriber while it asks for more, then completes it at the end. */
    private void deliver() {
        if (delivering || subscriber == null) {
            return;
        }
        delivering = true;
        try {
            deliverNow();
        } catch (RuntimeException e) {
            subscriberFailed(e);
        } finally {
            delivering = false;
        }
    }

    private void deliverNow() {
        while (!terminated && demand > 0 && !waiting.isEmpty()) {
            ByteBuffer next = waiting.poll();
            demand--;
            credit(next.remaining());
            subscriber.onNext(List.of(next));
        }
        if (!terminated && endReceived && waiting.isEmpty()) {
            terminated = true;
            if (expectedLength >= 0 && received != expectedLength) {
                subscriber.onError(new IOException("malformed HTTP/2 response on stream " + id + " from " + host
                        + ":" + port + ": expected a body of " + expectedLength + " bytes (content-length), found "
                        + received));
            } else {
                subscriber.onComplete();
            }
        }
    }

    /** The subscriber threw: it is done with (as if it had cancelled), and the result fails with what it threw. */
    private void subscriberFailed(RuntimeException e) {
        terminated = true;
        waiting.clear();
        connection.forget(this, ErrorCode.CANCEL);
        H2cThreads.completions().execute(() -> result.completeExceptionally(e));
    }

    /** Counts {@code n} bytes as consumed, and gives the window back once half of it is. */
    private void credit(int n) {
        consumed += n;
        if (!endReceived && consumed >= H2cConnection.STREAM_WINDOW / 2) {
            window += consumed;
            connection.windowUpdate(id, consumed);
            consumed = 0;
        }
    }

    /** The request's header fields: pseudo-header fields first, then its own headers in lower case. */
    List<HeaderField> requestFields() {
        URI uri = request.uri();
        List<HeaderField> fields = new ArrayList<>();
        fields.add(new HeaderField(":method", request.method()));
        fields.add(new HeaderField(":scheme", dialer.scheme()));
        fields.add(new HeaderField(":authority", uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        fields.add(new HeaderField(":path", uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery()));
        request.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!CONNECTION_HEADERS.contains(lower)) {
                values.forEach(value -> fields.add(new HeaderField(lower, value)));
            }
        });
        return fields;
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            synchronized (H2cStream.this) {
                if (terminated) {
                    return;
                }
                if (n <= 0) {
                    fail(new IllegalArgumentException("expected a positive demand, found " + n), ErrorCode.CANCEL);
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                deliver();
            }
        }

        @Override
        public void cancel() {
            synchronized (H2cStream.this) {
                if (terminated) {
                    return;
                }
                terminated = true;
                waiting.clear();
            }
            connection.forget(H2cStream.this, ErrorCode.CANCEL);
        }
    }

    private record ResponseInfo(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_2;
        }
    }
}
