package org.cogcube.io;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link HttpRangeReader} talks to its server.
 *
 * @param protocol which HTTP version to use
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a response's headers
 * @param maxConcurrentRequests how many requests may be in flight at once to one host (over all
 *     readers with these options); more wait their turn
 * @param userAgent the {@code User-Agent} header sent
 * @param trustAllCertificates accept any TLS certificate and host name (self-signed test servers
 *     only: this gives up the protection TLS offers)
 * @param headers extra headers sent with every request (e.g. {@code Authorization}); never
 *     {@code Range}, which the reader sets
 * @param maxFullBodyBytes the largest whole body accepted from a server that ignores {@code Range}
 *     and answers {@code 200 OK}; a larger one fails rather than being downloaded
 */
public record HttpOptions(Protocol protocol, Duration connectTimeout, Duration requestTimeout,
        int maxConcurrentRequests, String userAgent, boolean trustAllCertificates,
        Map<String, String> headers, long maxFullBodyBytes) {

    /** The HTTP version a reader uses. */
    public enum Protocol {
        /** HTTP/1.1 only (over TLS, ALPN offers http/1.1 alone), through cogcube's own client. */
        HTTP_1_1,
        /**
         * HTTP/2 where the server chooses it through ALPN over TLS, else HTTP/1.1, both through
         * cogcube's own clients. Over cleartext {@code http:} this means HTTP/1.1: an h2c upgrade
         * offer is what servers speaking prior-knowledge h2c (nginx) reject outright.
         */
        HTTP_2,
        /**
         * HTTP/2 over cleartext with prior knowledge (RFC 9113, section 3.3): the connection starts
         * with HTTP/2 frames, as servers listening for h2c only (nginx's {@code listen ... http2}
         * without TLS) expect. The JDK's HttpClient cannot do this (it only offers an HTTP/1.1
         * upgrade), so cogcube speaks it with its own client, one connection per host and port
         * shared by all readers. Over {@code https:} this is {@link #HTTP_2}: ALPN chooses h2.
         */
        H2C_PRIOR_KNOWLEDGE,
        /**
         * HTTP/1.1 through the JDK's HttpClient (HTTP/2 by ALPN over TLS). {@link #HTTP_1_1} and
         * {@link #HTTP_2} use cogcube's own clients, which cost a fraction of the JDK's CPU per
         * request and start faster; this is the way back to the JDK's, should a server or network
         * need it. (The JDK's is also used, whatever the protocol, where the default
         * {@link java.net.ProxySelector} names a proxy for the URL: cogcube's own does not speak
         * through proxies.)
         */
        JDK_HTTP_1_1
    }

    private static final Set<String> RESERVED = Set.of("range", "host", "connection", "content-length",
            "expect", "upgrade", "te", "transfer-encoding", "user-agent");

    public HttpOptions {
        Objects.requireNonNull(protocol, "protocol");
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("expected maxConcurrentRequests >= 1, found " + maxConcurrentRequests);
        }
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxFullBodyBytes < 0 || maxFullBodyBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected maxFullBodyBytes in 0.." + Integer.MAX_VALUE
                    + ", found " + maxFullBodyBytes);
        }
        for (String name : headers.keySet()) {
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the reader (or its own option)"
                        + " and cannot be given in HttpOptions.headers");
            }
        }
        headers = Map.copyOf(headers);
    }

    /**
     * HTTP/2 where offered, 10 s to connect, 30 s per response, 32 requests in flight per host,
     * whole bodies up to 16 MiB from servers that ignore ranges.
     */
    public static HttpOptions defaults() {
        return new HttpOptions(Protocol.HTTP_2, Duration.ofSeconds(10), Duration.ofSeconds(30), 32,
                "cogcube", false, Map.of(), 16L << 20);
    }

    public HttpOptions withProtocol(Protocol value) {
        return new HttpOptions(value, connectTimeout, requestTimeout, maxConcurrentRequests, userAgent,
                trustAllCertificates, headers, maxFullBodyBytes);
    }

    public HttpOptions withConnectTimeout(Duration value) {
        return new HttpOptions(protocol, value, requestTimeout, maxConcurrentRequests, userAgent,
                trustAllCertificates, headers, maxFullBodyBytes);
    }

    public HttpOptions withRequestTimeout(Duration value) {
        return new HttpOptions(protocol, connectTimeout, value, maxConcurrentRequests, userAgent,
                trustAllCertificates, headers, maxFullBodyBytes);
    }

    public HttpOptions withMaxConcurrentRequests(int value) {
        return new HttpOptions(protocol, connectTimeout, requestTimeout, value, userAgent,
                trustAllCertificates, headers, maxFullBodyBytes);
    }

    public HttpOptions withUserAgent(String value) {
        return new HttpOptions(protocol, connectTimeout, requestTimeout, maxConcurrentRequests, value,
                trustAllCertificates, headers, maxFullBodyBytes);
    }

    public HttpOptions withTrustAllCertificates(boolean value) {
        return new HttpOptions(protocol, connectTimeout, requestTimeout, maxConcurrentRequests, userAgent,
                value, headers, maxFullBodyBytes);
    }

    /** These options with one more header (replacing one of the same name). */
    public HttpOptions withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpOptions(protocol, connectTimeout, requestTimeout, maxConcurrentRequests, userAgent,
                trustAllCertificates, more, maxFullBodyBytes);
    }

    public HttpOptions withMaxFullBodyBytes(long value) {
        return new HttpOptions(protocol, connectTimeout, requestTimeout, maxConcurrentRequests, userAgent,
                trustAllCertificates, headers, value);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("expected a positive " + name + ", found " + d);
        }
    }
}
