package org.cogcube.io.http1;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.cogcube.io.net.Dialer;

/**
 * One request and its response, run on an I/O thread: takes a pooled connection (or opens one),
 * writes the request, reads the head, hands the body to the handler's subscriber, gives the
 * connection back when it stays open, and only then completes the result.
 */
final class Http1Exchange<T> implements Runnable {
    private final HttpRequest request;
    private final HttpResponse.BodyHandler<T> handler;
    private final Dialer dialer;
    private final String host;
    private final int port;
    private final String key;
    private final Duration connectTimeout;
    private final long readTimeoutMillis;
    private final int maxIdle;
    private final Http1Pool pool;
    private final CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();

    Http1Exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, Dialer dialer, Duration connectTimeout,
            int maxIdle, Http1Pool pool) {
        this.request = request;
        this.handler = handler;
        this.dialer = dialer;
        URI uri = request.uri();
        String h = uri.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = uri.getPort() < 0 ? dialer.defaultPort() : uri.getPort();
        this.key = dialer.name() + "://" + host + ":" + port;
        this.connectTimeout = connectTimeout;
        this.readTimeoutMillis = request.timeout().map(d -> Math.max(1, d.toMillis())).orElse(0L);
        this.maxIdle = maxIdle;
        this.pool = pool;
    }

    CompletableFuture<HttpResponse<T>> result() {
        return result;
    }

    @Override
    public void run() {
        Http1Connection connection = null;
        try {
            byte[] head = requestHead();
            connection = pool.take(key);
            Http1Head answer;
            if (connection == null) {
                connection = pool.open(dialer, key, host, port, connectTimeout);
                answer = exchange(connection, head);
            } else {
                try {
                    answer = exchange(connection, head);
                } catch (IOException e) {
                    if (!stale(connection, e)) {
                        throw e;
                    }
                    connection.close();
                    connection = pool.open(dialer, key, host, port, connectTimeout);
                    answer = exchange(connection, head);
                }
            }
            Http1Connection used = connection;
            connection = null; // from here on, receive gives it back or closes it
            receive(used, answer);
        } catch (IOException | RuntimeException | Error e) {
            if (connection != null) {
                connection.close();
            }
            result.completeExceptionally(e);
        }
    }

    /**
     * Whether {@code failure} says the server had closed the pooled connection while it was idle:
     * nothing of a response arrived, and waiting did not time out. Only then, and only for a
     * request that may be repeated, is the request sent again on a new connection.
     */
    private boolean stale(Http1Connection connection, IOException failure) {
        return connection.received() == 0 && !(failure instanceof HttpTimeoutException)
                && (request.method().equals("GET") || request.method().equals("HEAD"));
    }

    private Http1Head exchange(Http1Connection connection, byte[] head) throws IOException {
        connection.readTimeout(readTimeoutMillis);
        connection.send(head);
        try {
            return Http1Head.read(connection);
        } catch (SocketTimeoutException e) {
            throw timedOut("a response", e);
        }
    }

    /** Hands the body to the subscriber, keeps or closes the connection, then completes the result. */
    private void receive(Http1Connection connection, Http1Head head) throws IOException {
        HttpResponse.BodySubscriber<T> subscriber;
        boolean reusable = false;
        try {
            subscriber = handler.apply(new Http1Response.Info(head.status(), head.headers()));
            Http1Body body = new Http1Body(connection, subscriber, head.framing(request.method()), head.contentLength());
            try {
                reusable = body.deliver() && head.persistent() && !connection.hasUnreadBytes();
            } catch (SocketTimeoutException e) {
                body.fail(timedOut("more of the body", e));
            } catch (IOException e) {
                body.fail(e);
            }
        } catch (IOException | RuntimeException | Error e) {
            connection.close();
            throw e;
        }
        if (reusable) {
            pool.give(connection, maxIdle); // no longer this exchange's: nothing below may close it
        } else {
            connection.close();
        }
        try {
            subscriber.getBody().whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(new Http1Response<>(request, head.status(), head.headers(), value));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private HttpTimeoutException timedOut(String what, SocketTimeoutException cause) {
        HttpTimeoutException e = new HttpTimeoutException("expected " + what + " to " + request.method() + " "
                + request.uri() + " within " + readTimeoutMillis + " ms, found none");
        e.initCause(cause);
        return e;
    }

    /** The request line and headers, with the Host of the URI and the request's own headers. */
    private byte[] requestHead() {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String authority = uri.getRawAuthority();
        StringBuilder s = new StringBuilder(256).append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        s.append(" HTTP/1.1\r\nHost: ").append(authority.substring(authority.indexOf('@') + 1)).append("\r\n");
        request.headers().map().forEach((name, values) -> {
            for (String value : values) {
                s.append(name).append(": ").append(value).append("\r\n");
            }
        });
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
