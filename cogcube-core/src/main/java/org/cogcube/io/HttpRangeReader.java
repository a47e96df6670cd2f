package org.cogcube.io;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.cogcube.SourceChangedException;
import org.cogcube.SourceException;
import org.cogcube.io.http1.Http1Client;
import org.cogcube.io.http2.H2cClient;

/**
 * Reads ranges of a resource over HTTP: one {@code GET} with a {@code Range} header per range, all
 * of a call in flight at once (up to {@link HttpOptions#maxConcurrentRequests()} per host). Over
 * {@code http:} the requests go through cogcube's own {@link Http1Client} (persistent connections,
 * one request at a time on each), or its {@link H2cClient} for
 * {@link HttpOptions.Protocol#H2C_PRIOR_KNOWLEDGE}; over {@code https:} (and through a proxy, or
 * for {@link HttpOptions.Protocol#JDK_HTTP_1_1}) through the JDK's {@link HttpClient}: HTTP/1.1,
 * or HTTP/2 through ALPN.
 *
 * <p>Every answer is checked: a {@code 206} must carry the {@code Content-Range} asked for and a
 * body of that length; a {@code 200} (a server ignoring ranges) is sliced when its whole body is
 * small enough; a {@code 416} means the range starts past the end. The size is learnt from
 * {@code Content-Range}. The version is the strong {@code ETag} of the first answer (or its
 * {@code Last-Modified}, when there is no strong ETag); an answer with another fails with
 * {@link SourceChangedException}. Retries are not this class's business: wrap it in a
 * {@link RetryingRangeReader}.
 */
public final class HttpRangeReader implements RangeReader {
    private final URI uri;
    private final String location;
    private final HttpOptions options;
    private final HttpTransport transport;
    private final AsyncLimiter limiter;
    private final VersionGuard versions;
    private final AtomicLong knownSize = new AtomicLong(-1);
    private CompletableFuture<Long> probe; // guarded by this
    private volatile HttpClient.Version protocolUsed;

    private HttpRangeReader(URI uri, HttpOptions options) {
        this.uri = uri;
        this.location = uri.toString();
        this.options = options;
        this.transport = HttpClients.transport(uri, options);
        this.limiter = AsyncLimiter.forHost(RangeReaders.origin(uri), options.maxConcurrentRequests());
        this.versions = new VersionGuard(location);
    }

    /** A reader of {@code uri} with {@link HttpOptions#defaults()}. */
    public static HttpRangeReader open(URI uri) {
        return open(uri, HttpOptions.defaults());
    }

    /** A reader of {@code uri}; nothing is sent until the first read or size request. */
    public static HttpRangeReader open(URI uri, HttpOptions options) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an http: or https: URL with a host, found " + uri);
        }
        return new HttpRangeReader(uri, options);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        return Ranges.all(readEach(ranges));
    }

    /** One request per range, each completing when its answer is in. */
    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        List<CompletableFuture<ByteBuffer>> reads = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            reads.add(readOne(range));
        }
        return reads;
    }

    @Override
    public synchronized CompletableFuture<Long> size() {
        long size = knownSize.get();
        if (size >= 0) {
            return CompletableFuture.completedFuture(size);
        }
        if (probe == null || probe.isCompletedExceptionally()) {
            probe = sendProbe();
        }
        return probe;
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        Optional<String> seen = versions.seen();
        if (seen.isPresent() || knownSize.get() >= 0) {
            return CompletableFuture.completedFuture(seen);
        }
        return size().thenApply(size -> versions.seen());
    }

    @Override
    public Optional<String> knownVersion() {
        return versions.seen();
    }

    /** The HTTP version of the latest answer, to check what was negotiated. */
    Optional<HttpClient.Version> protocolUsed() {
        return Optional.ofNullable(protocolUsed);
    }

    @Override
    public String toString() {
        return "HttpRangeReader[" + location + "]";
    }

    private CompletableFuture<ByteBuffer> readOne(ByteRange range) {
        long size = knownSize.get();
        if (size < 0 && (range.length() == 0 || range.length() > Integer.MAX_VALUE)) {
            // Only the size tells whether an empty range is past the end, or a huge one gets cut to fit.
            return size().thenCompose(known -> readKnowing(range, known));
        }
        return readKnowing(range, size);
    }

    private CompletableFuture<ByteBuffer> readKnowing(ByteRange range, long size) {
        ByteRange ask = range;
        try {
            if (size >= 0) {
                if (Ranges.startsPastEnd(range, size)) {
                    throw Ranges.pastEnd(location, range, size);
                }
                ask = Ranges.cut(range, size);
            }
            Ranges.bufferLength(location, ask);
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (ask.length() == 0) {
            return CompletableFuture.completedFuture(Ranges.empty());
        }
        ByteRange asked = ask;
        return send(asked).handle((response, failure) -> {
            if (failure != null) {
                throw failure(range.toString(), failure, asked.length());
            }
            return answer(range, asked, response);
        });
    }

    private CompletableFuture<HttpResponse<byte[]>> send(ByteRange ask) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(options.requestTimeout())
                .header("Range", ask.toHttpHeader())
                .header("User-Agent", options.userAgent());
        options.headers().forEach(request::header);
        HttpRequest built = request.build();
        return limiter.submit(() -> transport.send(built, info -> bodyFor(info, ask)));
    }

    /** Reads a body only when it is the one wanted and its length is known and bounded. */
    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info, ByteRange ask) {
        if (info.statusCode() == 206) {
            Optional<ContentRange> range = ContentRange.parse(info.headers().firstValue("Content-Range").orElse(null));
            // Only the range asked is read: another one is reported by its Content-Range, not by its length.
            if (range.isPresent() && range.get().first() == ask.offset() && range.get().last() == lastAnswered(ask,
                    range.get().total())) {
                return Bodies.exactly((int) range.get().length());
            }
        } else if (info.statusCode() == 200) {
            long length = contentLength(info.headers());
            if (length >= 0 && length <= options.maxFullBodyBytes()) {
                return Bodies.exactly((int) length);
            }
        }
        return Bodies.ignored();
    }

    private ByteBuffer answer(ByteRange range, ByteRange ask, HttpResponse<byte[]> response) {
        protocolUsed = response.version();
        switch (response.statusCode()) {
            case 206:
                return partial(range, ask, response);
            case 200:
                return whole(range, response);
            case 416:
                throw unsatisfiable(range, response.headers());
            default:
                throw statusFailure(range.toString(), response);
        }
    }

    private ByteBuffer partial(ByteRange range, ByteRange ask, HttpResponse<byte[]> response) {
        String header = response.headers().firstValue("Content-Range").orElse(null);
        ContentRange found = ContentRange.parse(header).filter(r -> r.first() >= 0).orElse(null);
        if (found == null) {
            throw new SourceException(location, range.toString(), 206, "expected Content-Range "
                    + ContentRange.expected(ask, knownSize.get()) + ", found " + (header == null ? "none" : header),
                    null);
        }
        checkVersion(response.headers(), found.total());
        if (found.first() != ask.offset() || found.last() != lastAnswered(ask, found.total())
                || response.body() == null) {
            throw new SourceException(location, range.toString(), 206, "expected Content-Range "
                    + ContentRange.expected(ask, found.total()) + ", found " + header, null);
        }
        return ByteBuffer.wrap(response.body());
    }

    /** The last byte a server answers for {@code ask} from a source of {@code total} bytes (or -1, unknown). */
    private static long lastAnswered(ByteRange ask, long total) {
        return (total >= 0 ? Math.min(ask.end(), total) : ask.end()) - 1;
    }

    private ByteBuffer whole(ByteRange range, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null) {
            long length = contentLength(response.headers());
            throw new SourceException(location, range.toString(), 200, "expected 206 Partial Content, found the"
                    + " whole source (Content-Length " + (length < 0 ? "unknown" : Long.toString(length))
                    + ") while at most " + options.maxFullBodyBytes() + " bytes are accepted from a server"
                    + " that ignores Range", null);
        }
        checkVersion(response.headers(), body.length);
        if (Ranges.startsPastEnd(range, body.length)) {
            throw Ranges.pastEnd(location, range, body.length);
        }
        ByteRange cut = Ranges.cut(range, body.length);
        return ByteBuffer.wrap(body, (int) cut.offset(), (int) cut.length()).slice();
    }

    private SourceException unsatisfiable(ByteRange range, HttpHeaders headers) {
        Optional<ContentRange> found = ContentRange.parse(headers.firstValue("Content-Range").orElse(null));
        if (found.isPresent() && found.get().total() >= 0) {
            long total = found.get().total();
            checkSize(total);
            if (Ranges.startsPastEnd(range, total)) {
                return Ranges.pastEnd(location, range, total);
            }
        }
        return new HttpStatusException(location, range.toString(), 416, "expected 206 Partial Content, found "
                + HttpStatusException.describe(416) + " with Content-Range "
                + headers.firstValue("Content-Range").orElse("none"), null);
    }

    private CompletableFuture<Long> sendProbe() {
        ByteRange first = ByteRange.of(0, 1);
        return send(first).handle((response, failure) -> {
            if (failure != null) {
                throw failure(first.toString(), failure);
            }
            protocolUsed = response.version();
            HttpHeaders headers = response.headers();
            long total = switch (response.statusCode()) {
                case 206, 416 -> ContentRange.parse(headers.firstValue("Content-Range").orElse(null))
                        .map(ContentRange::total).orElse(-1L);
                case 200 -> contentLength(headers);
                default -> throw statusFailure(first.toString(), response);
            };
            if (total < 0) {
                throw new SourceException(location, first.toString(), response.statusCode(),
                        "expected the size of the source in Content-Range or Content-Length, found "
                                + headers.firstValue("Content-Range").orElse("no Content-Range"), null);
            }
            checkVersion(headers, total);
            return total;
        });
    }

    /** Checks the answer's version, and its size when it gives one, against the first seen. */
    private void checkVersion(HttpHeaders headers, long total) {
        Optional<String> etag = headers.firstValue("ETag").filter(tag -> !tag.startsWith("W/"));
        if (etag.isPresent()) {
            versions.check("ETag " + etag.get());
        } else if (total >= 0) {
            headers.firstValue("Last-Modified").ifPresent(modified ->
                    versions.check("Last-Modified " + modified + ", size " + total));
        }
        checkSize(total);
    }

    private void checkSize(long total) {
        if (total >= 0) {
            long previous = knownSize.compareAndExchange(-1, total);
            if (previous >= 0 && previous != total) {
                throw new SourceChangedException(location, "size " + previous, "size " + total);
            }
        }
    }

    private HttpStatusException statusFailure(String range, HttpResponse<?> response) {
        int status = response.statusCode();
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        return new HttpStatusException(location, range, status, "expected 206 Partial Content, found "
                + HttpStatusException.describe(status) + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")"),
                HttpStatusException.parseRetryAfter(retryAfter, Instant.now()));
    }

    private SourceException failure(String range, Throwable failure) {
        return failure(range, failure, -1);
    }

    /** The failure of a request for {@code range}, whose answer should have had {@code expectedBytes} (or -1). */
    private SourceException failure(String range, Throwable failure, long expectedBytes) {
        Throwable t = Ranges.unwrap(failure);
        if (t instanceof SourceException e) {
            return e;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EOFException) {
                // The body collector says how much arrived; when the JDK fails the exchange first, its
                // own message ("EOF reached while reading") does not say what was expected.
                String message = String.valueOf(c.getMessage());
                return new SourceException(location, range, "truncated body: " + (message.startsWith("expected ")
                        || expectedBytes < 0 ? message : "expected " + expectedBytes + " bytes, the connection"
                        + " ended first (" + message + ")"), c);
            }
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new SourceException(location, range, "expected a connection within "
                    + options.connectTimeout().toMillis() + " ms, found none (timed out)", t);
        }
        if (t instanceof HttpTimeoutException) {
            return new SourceException(location, range, "expected an answer within "
                    + options.requestTimeout().toMillis() + " ms, found none (timed out)", t);
        }
        if (t instanceof ConnectException) {
            return new SourceException(location, range, "could not connect: " + t, t);
        }
        SourceException refused = handshakeFailure(location, range, t);
        if (refused != null) {
            return refused;
        }
        if (t instanceof IOException) {
            return new SourceException(location, range, "request failed: " + t, t);
        }
        return new SourceException(location, range, "request failed: " + t, t);
    }

    private static long contentLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The failure of a TLS handshake (a certificate not trusted, or not naming the host) found in
     * {@code t}'s causes, saying what to do, and not to be retried; null when there is none.
     */
    static SourceException handshakeFailure(String location, String range, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof javax.net.ssl.SSLHandshakeException) {
                String advice = certificateFailure(c) ? ". If the server's certificate is self-signed or from a"
                        + " private authority, add it to the Java trust store (keytool -importcert) or run the JVM"
                        + " with -Djavax.net.ssl.trustStore=FILE" : "";
                return new SourceException(location, range, "the TLS handshake failed: " + c.getMessage() + advice,
                        new HandshakeRefused(c));
            }
        }
        return null;
    }

    /** Whether a handshake failed on the server's certificate (not trusted, or not naming the host). */
    private static boolean certificateFailure(Throwable handshake) {
        for (Throwable c = handshake.getCause(); c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateException
                    || c instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    /** A TLS handshake refused (most often a certificate the client does not trust): trying again cannot help, so it is not an I/O error. */
    static final class HandshakeRefused extends RuntimeException {
        HandshakeRefused(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
