package org.cogcube.io.http2;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.cogcube.io.net.Dialer;

/**
 * Sends {@code GET} and {@code HEAD} requests over HTTP/2: over cleartext with prior knowledge
 * (h2c, RFC 9113 section 3.3), which the JDK's {@link java.net.http.HttpClient} cannot (it only
 * offers an HTTP/1.1 upgrade), or over TLS where ALPN chose h2. Requests and responses have the JDK client's types, so a caller can use
 * either. All clients share one connection per origin. Redirects are not followed.
 *
 * <p>This is the transport of {@code HttpRangeReader} for
 * {@code HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE}, and for {@code https:} where ALPN chose h2, public only so that the reader, in another
 * package, can reach it.
 */
public final class H2cClient {
    private final Dialer dialer;
    private final Duration connectTimeout;
    private final H2cConnections connections;

    H2cClient(Duration connectTimeout, H2cConnections connections) {
        this(Dialer.cleartext(), connectTimeout, connections);
    }

    H2cClient(Dialer dialer, Duration connectTimeout, H2cConnections connections) {
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.connections = connections;
    }

    /**
     * A client of cleartext {@code http:} with prior knowledge, opening connections within
     * {@code connectTimeout}, sharing every other client's connections.
     */
    public static H2cClient connectingWithin(Duration connectTimeout) {
        return over(Dialer.cleartext(), connectTimeout);
    }

    /**
     * A client of {@code dialer}'s scheme: for {@code https:}, a {@link org.cogcube.io.net.TlsDialer}
     * offering only h2 by ALPN. Connections are opened within {@code connectTimeout} and shared by
     * every client with the same dialer.
     */
    public static H2cClient over(Dialer dialer, Duration connectTimeout) {
        return new H2cClient(dialer, connectTimeout, H2cConnections.SHARED);
    }

    /**
     * Closes the connections all clients share (what they still carry fails as closed); the next
     * request opens a new one.
     */
    public static void closeConnections() {
        H2cConnections.SHARED.closeAll();
    }

    /**
     * Sends {@code request}; the result completes once the whole body has been handed to
     * {@code handler}'s subscriber. Failures are {@link java.io.IOException}s, as with the JDK
     * client: {@link java.net.http.HttpConnectTimeoutException}, {@link java.net.ConnectException},
     * {@link java.net.http.HttpTimeoutException} when nothing arrives for the request's timeout.
     *
     * @throws IllegalArgumentException for a URI of another scheme than the dialer's or a request with a body
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        URI uri = request.uri();
        if (!dialer.scheme().equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an " + dialer.scheme() + ": URL with a host for this"
                    + " HTTP/2 client, found " + uri);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw new IllegalArgumentException("expected a GET or HEAD request, found " + request.method() + " "
                    + uri);
        }
        long bodyLength = request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
        if (bodyLength != 0) {
            throw new IllegalArgumentException("expected a request without a body, found one of "
                    + (bodyLength < 0 ? "unknown length" : bodyLength + " bytes") + " for " + uri);
        }
        H2cStream<T> stream = new H2cStream<>(request, handler, dialer, uri.getHost(),
                uri.getPort() < 0 ? dialer.defaultPort() : uri.getPort(),
                connectTimeout);
        stream.startTimer();
        connections.submit(stream);
        return stream.result();
    }

    /** How many connections this client's registry opened so far, for tests. */
    int connectionsOpened() {
        return connections.opened();
    }
}
