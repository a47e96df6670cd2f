package org.cogcube.io;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.cogcube.UnsupportedFeatureException;

/** Opens the right {@link RangeReader} for a local path or a URL, with the decorators it needs. */
public final class RangeReaders {
    private RangeReaders() {
    }

    /** {@link #open(String, OpenOptions)} with {@link OpenOptions#defaults()}. */
    public static RangeReader open(String pathOrUrl) {
        return open(pathOrUrl, OpenOptions.defaults());
    }

    /**
     * A reader of {@code pathOrUrl}: a local path or {@code file:} URI gives a {@link FileRangeReader};
     * an {@code http:} or {@code https:} URL an {@link HttpRangeReader} wrapped in retries, then
     * coalescing. With a cache in the options, the whole is read through it.
     */
    public static RangeReader open(String pathOrUrl, OpenOptions options) {
        RangeReader reader = switch (scheme(pathOrUrl)) {
            case "" -> FileRangeReader.open(Path.of(pathOrUrl));
            case "file" -> FileRangeReader.open(Path.of(URI.create(pathOrUrl)));
            case "http", "https" -> new CoalescingRangeReader(
                    new RetryingRangeReader(HttpRangeReader.open(URI.create(pathOrUrl), options.http()), options.retry()),
                    options.coalesceGap(), options.maxCoalescedLength());
            default -> throw new UnsupportedFeatureException("cannot read " + pathOrUrl + ": expected a local path or"
                    + " a file:, http: or https: URI, found the scheme " + scheme(pathOrUrl) + ":");
        };
        return options.cache() == null ? reader : new CachingRangeReader(reader, options.cache());
    }

    /**
     * Starts, in the background, what the first requests to the origin of an http(s) URL wait for:
     * for {@code https:} the TCP connection, the TLS handshake and ALPN's choice; for {@code http:}
     * (HTTP/1.1) two TCP connections, kept a few seconds for the first two requests. A command that
     * knows its first URL before it can form the request (it still has a region to read, say)
     * overlaps the two. Does nothing for paths and URLs the JDK's client would carry (through a
     * proxy, or with {@link HttpOptions.Protocol#JDK_HTTP_1_1}); never fails (a failed connection
     * fails nothing: the first request connects again).
     */
    public static void preconnect(String pathOrUrl, OpenOptions options) {
        String scheme = scheme(pathOrUrl);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return;
        }
        try {
            HttpClients.preconnect(URI.create(pathOrUrl), options.http());
        } catch (IllegalArgumentException e) {
            // not a URL: the request will say so
        }
    }

    /**
     * Closes the HTTP/2 connections (cleartext and TLS) that readers keep open for the next
     * request; requests still in flight on them fail. For a process that has finished its reading:
     * each such connection has a thread blocked reading its socket, and the JVM, when it exits,
     * waits up to 0.3 s for threads in a native call to come out of it.
     */
    public static void closeConnections() {
        org.cogcube.io.http2.H2cClient.closeConnections();
    }

    /**
     * The origin of an http(s) URL (its scheme, lower case, and authority), by which readers share
     * their limits and what they learn of a server; empty for a path or another scheme.
     */
    public static Optional<String> httpOrigin(String location) {
        String scheme = scheme(location);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        try {
            return Optional.of(origin(URI.create(location)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The origin of a URL: its scheme, lower case, and authority. */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getAuthority();
    }

    /** The URI scheme, lower case, or "" for a path (a one-letter scheme is a Windows drive). */
    public static String scheme(String pathOrUrl) {
        int colon = pathOrUrl.indexOf(':');
        if (colon < 2) {
            return "";
        }
        String scheme = pathOrUrl.substring(0, colon);
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") ? scheme.toLowerCase(Locale.ROOT) : "";
    }
}
