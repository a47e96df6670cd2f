package org.cogcube.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link CubeServer} listens and what it serves. Start from {@link #of(Path)} and change
 * what differs:
 *
 * <pre>{@code
 * ServerOptions.of(Path.of("cube")).withPort(0).withTls(TlsSource.selfSigned()).withListing(true)
 * }</pre>
 *
 * @param root the folder served; only files under its real path are reachable
 * @param host the address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface)
 * @param port the port, or 0 for a free one chosen by the system
 * @param tls the certificate to speak TLS with (h2 and http/1.1 by ALPN), or none for cleartext
 *     (HTTP/1.1 and h2c, with prior knowledge or by upgrade)
 * @param tlsProvider which TLS implementation encrypts ({@link TlsProvider#AUTO} by default)
 * @param listing whether a folder's URL answers with an HTML index (off by default: 404)
 * @param accessLog where to append one line per request in the combined log format, or none
 * @param limits timeouts and sizes that protect the server from slow or greedy clients
 */
public record ServerOptions(Path root, String host, int port, Optional<TlsSource> tls,
        TlsProvider tlsProvider, boolean listing, Optional<Path> accessLog, Limits limits) {

    public ServerOptions {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(tlsProvider, "tlsProvider");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + ": expected 0 (any free port) to 65535");
        }
    }

    /** Serves {@code root} on 127.0.0.1:8080 in cleartext, without listings or access log. */
    public static ServerOptions of(Path root) {
        return new ServerOptions(root, "127.0.0.1", 8080, Optional.empty(), TlsProvider.AUTO, false, Optional.empty(),
                Limits.defaults());
    }

    public ServerOptions withHost(String host) {
        return new ServerOptions(root, host, port, tls, tlsProvider, listing, accessLog, limits);
    }

    public ServerOptions withPort(int port) {
        return new ServerOptions(root, host, port, tls, tlsProvider, listing, accessLog, limits);
    }

    public ServerOptions withTls(TlsSource tls) {
        return new ServerOptions(root, host, port, Optional.of(tls), tlsProvider, listing, accessLog, limits);
    }

    public ServerOptions withTlsProvider(TlsProvider tlsProvider) {
        return new ServerOptions(root, host, port, tls, tlsProvider, listing, accessLog, limits);
    }

    public ServerOptions withListing(boolean listing) {
        return new ServerOptions(root, host, port, tls, tlsProvider, listing, accessLog, limits);
    }

    public ServerOptions withAccessLog(Path file) {
        return new ServerOptions(root, host, port, tls, tlsProvider, listing, Optional.of(file), limits);
    }

    public ServerOptions withLimits(Limits limits) {
        return new ServerOptions(root, host, port, tls, tlsProvider, listing, accessLog, limits);
    }

    /**
     * What a client may take from the server before it is cut off.
     *
     * @param idleTimeout a connection with nothing to read or write for this long is closed
     * @param headerTimeout an HTTP/1.1 request whose headers are not complete this long after they
     *     began is closed (against clients that trickle headers to hold connections open)
     * @param maxHeaderBytes the largest request line plus headers (larger: 414 or 431)
     * @param maxConcurrentStreams the most HTTP/2 requests in flight on one connection
     * @param maxThreads the most threads serving requests
     * @param bufferSize the largest piece of a file read and written in one step
     * @param maxCutPixels the most pixels one request to the cut endpoint may ask for, over all its
     *     files (more: 413)
     */
    public record Limits(Duration idleTimeout, Duration headerTimeout, int maxHeaderBytes, int maxConcurrentStreams,
            int maxThreads, int bufferSize, long maxCutPixels) {

        public Limits {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(headerTimeout, "headerTimeout");
            if (idleTimeout.isNegative() || idleTimeout.isZero() || headerTimeout.isNegative() || headerTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive (idle " + idleTimeout + ", header "
                        + headerTimeout + ")");
            }
            if (maxCutPixels < 1) {
                throw new IllegalArgumentException("expected maxCutPixels >= 1, found " + maxCutPixels);
            }
            if (maxHeaderBytes < 1024 || maxConcurrentStreams < 1 || maxThreads < 8 || bufferSize < 4096) {
                throw new IllegalArgumentException("limits too small: maxHeaderBytes " + maxHeaderBytes
                        + " (>= 1024), maxConcurrentStreams " + maxConcurrentStreams + " (>= 1), maxThreads "
                        + maxThreads + " (>= 8), bufferSize " + bufferSize + " (>= 4096)");
            }
        }

        /**
         * 30 s idle, 10 s for headers, 8 KiB of headers, 128 streams, 200 threads, 256 KiB buffers,
         * 16 Mi pixels per cut request.
         */
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(30), Duration.ofSeconds(10), 8192, 128, 200, 256 * 1024, 16L << 20);
        }

        public Limits withIdleTimeout(Duration idleTimeout) {
            return new Limits(idleTimeout, headerTimeout, maxHeaderBytes, maxConcurrentStreams, maxThreads, bufferSize,
                    maxCutPixels);
        }

        public Limits withHeaderTimeout(Duration headerTimeout) {
            return new Limits(idleTimeout, headerTimeout, maxHeaderBytes, maxConcurrentStreams, maxThreads, bufferSize,
                    maxCutPixels);
        }

        public Limits withMaxCutPixels(long maxCutPixels) {
            return new Limits(idleTimeout, headerTimeout, maxHeaderBytes, maxConcurrentStreams, maxThreads, bufferSize,
                    maxCutPixels);
        }

        public Limits withBufferSize(int bufferSize) {
            return new Limits(idleTimeout, headerTimeout, maxHeaderBytes, maxConcurrentStreams, maxThreads, bufferSize,
                    maxCutPixels);
        }
    }
}
