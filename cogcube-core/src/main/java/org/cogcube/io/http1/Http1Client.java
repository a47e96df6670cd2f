package org.cogcube.io.http1;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.cogcube.io.DaemonThreads;
import org.cogcube.io.net.Dialer;

/**
 * Sends {@code GET} and {@code HEAD} requests over HTTP/1.1, in cleartext or over TLS, each on a persistent
 * connection of its origin that carries one exchange at a time, with blocking I/O on shared daemon
 * threads. Requests and responses have the JDK client's types, so a caller can use either.
 * Redirects are not followed and proxies are not used.
 *
 * <p>The request's timeout bounds each wait for bytes of the response (its head, then each read
 * of its body); its absence means no limit. Failures are {@link java.io.IOException}s, as with the
 * JDK client: {@link java.net.http.HttpConnectTimeoutException}, {@link java.net.ConnectException},
 * {@link java.net.http.HttpTimeoutException}, an {@link java.io.EOFException} for a response cut
 * short.
 *
 * <p>This is the transport of {@code HttpRangeReader} for HTTP/1.1, public only so that
 * the reader, in another package, can reach it.
 */
public final class Http1Client {
    private static final class Threads {
        static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(DaemonThreads.named("cogcube-http1-"));
    }

    private final Dialer dialer;
    private final Duration connectTimeout;
    private final int maxIdlePerOrigin;
    private final Http1Pool pool;

    Http1Client(Dialer dialer, Duration connectTimeout, int maxIdlePerOrigin, Http1Pool pool) {
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxIdlePerOrigin < 1) {
            throw new IllegalArgumentException("expected at least 1 idle connection per origin, found "
                    + maxIdlePerOrigin);
        }
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.pool = pool;
    }

    /**
     * A client of cleartext {@code http:} opening connections within {@code connectTimeout} and
     * keeping up to {@code maxIdlePerOrigin} of them idle per origin, sharing every other client's pool.
     */
    public static Http1Client connectingWithin(Duration connectTimeout, int maxIdlePerOrigin) {
        return over(Dialer.cleartext(), connectTimeout, maxIdlePerOrigin);
    }

    /**
     * A client of {@code dialer}'s scheme ({@code https:} through a {@link org.cogcube.io.net.TlsDialer})
     * opening connections through it within {@code connectTimeout} and keeping up to
     * {@code maxIdlePerOrigin} of them idle per origin, sharing every other client's pool (but
     * never connections of another dialer).
     */
    public static Http1Client over(Dialer dialer, Duration connectTimeout, int maxIdlePerOrigin) {
        return new Http1Client(dialer, connectTimeout, maxIdlePerOrigin, Http1Pool.SHARED);
    }

    /**
     * Sends {@code request}; the result completes once the whole body has been handed to
     * {@code handler}'s subscriber and the connection is back in its pool.
     *
     * @throws IllegalArgumentException for a URI of another scheme than the dialer's or a request with a body
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        URI uri = request.uri();
        if (!dialer.scheme().equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an " + dialer.scheme() + ": URL with a host for this"
                    + " HTTP/1.1 client, found " + uri);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw new IllegalArgumentException("expected a GET or HEAD request, found " + request.method() + " " + uri);
        }
        long bodyLength = request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
        if (bodyLength != 0) {
            throw new IllegalArgumentException("expected a request without a body, found one of "
                    + (bodyLength < 0 ? "unknown length" : bodyLength + " bytes") + " for " + uri);
        }
        Http1Exchange<T> exchange = new Http1Exchange<>(request, handler, dialer, connectTimeout, maxIdlePerOrigin, pool);
        try {
            Threads.EXCHANGES.execute(exchange);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchange.result();
    }

    /** How many connections this client's pool opened so far, for tests. */
    int connectionsOpened() {
        return pool.opened();
    }
}
