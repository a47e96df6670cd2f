package org.cogcube.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLSocket;
import org.cogcube.io.http1.Http1Client;
import org.cogcube.io.http2.H2cClient;
import org.cogcube.io.net.TlsDialer;

/**
 * cogcube's own transport for {@code https:}: the first request to an origin opens a TLS connection
 * offering h2 and http/1.1 by ALPN, and what the server chooses is remembered for the origin; that
 * request, and every later one, goes through cogcube's HTTP/2 client where the server chose h2,
 * else through its HTTP/1.1 client, each opening further connections offering the chosen protocol
 * only. The first connection is kept as the chosen client's spare, so learning costs no handshake.
 */
final class TlsTransport implements HttpTransport {
    private static final class Handshakes {
        static final ExecutorService THREADS = Executors.newCachedThreadPool(DaemonThreads.named("cogcube-tls-"));
    }

    /** What ALPN chose, by trust and origin; a failed or outdated choice is forgotten. */
    private static final Map<String, CompletableFuture<String>> CHOSEN = new ConcurrentHashMap<>();

    private final boolean trustAll;
    private final Duration connectTimeout;
    private final TlsDialer offering;
    private final TlsDialer h2Dialer;
    private final TlsDialer http1Dialer;
    private final H2cClient h2;
    private final Http1Client http1;

    private TlsTransport(HttpOptions options) {
        trustAll = options.trustAllCertificates();
        connectTimeout = options.connectTimeout();
        offering = TlsDialer.of(trustAll, List.of(TlsDialer.H2, TlsDialer.HTTP_1_1));
        h2Dialer = TlsDialer.of(trustAll, List.of(TlsDialer.H2));
        http1Dialer = TlsDialer.of(trustAll, List.of(TlsDialer.HTTP_1_1));
        h2 = H2cClient.over(h2Dialer, connectTimeout);
        http1 = Http1Client.over(http1Dialer, connectTimeout, options.maxConcurrentRequests());
    }

    /**
     * The transport of {@code https:} for {@code options}: HTTP/1.1 only when they say
     * {@link HttpOptions.Protocol#HTTP_1_1}, else h2 where ALPN chooses it.
     */
    static HttpTransport of(HttpOptions options) {
        if (options.protocol() == HttpOptions.Protocol.HTTP_1_1) {
            TlsDialer http1Only = TlsDialer.of(options.trustAllCertificates(), List.of(TlsDialer.HTTP_1_1));
            return Http1Client.over(http1Only, options.connectTimeout(), options.maxConcurrentRequests())::sendAsync;
        }
        return new TlsTransport(options);
    }

    /**
     * Starts the handshake with the origin of {@code uri} in the background, unless one was made or
     * is under way, so that the first request finds the connection open. With the JVM's trust
     * store, also loads the JDK's list of its own certificate authorities meanwhile, which
     * certificate checks consult and which otherwise loads in the middle of the handshake.
     */
    static void preconnect(URI uri, HttpOptions options) {
        if (options.protocol() == HttpOptions.Protocol.HTTP_1_1) {
            return;
        }
        TlsTransport transport = new TlsTransport(options);
        transport.chosen(transport.origin(uri));
        if (!transport.trustAll) {
            Handshakes.THREADS.execute(TlsTransport::loadJdkAuthorities);
        }
    }

    /**
     * Initialises {@code sun.security.util.AnchorCertificates} (the JDK's own authorities, read
     * from its {@code cacerts} for the {@code jdkCA} constraints), some 30 ms of a short process.
     * A JVM without that class loses nothing but the head start.
     */
    private static void loadJdkAuthorities() {
        try {
            Class.forName("sun.security.util.AnchorCertificates", true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // another JVM: certificate checks load what they need themselves
        }
    }

    @Override
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> body) {
        URI uri = request.uri();
        Origin origin = origin(uri);
        String key = origin.key();
        CompletableFuture<String> chosen = chosen(origin);
        String known = chosen.getNow(null);
        if (known != null) {
            return forget(key, chosen, sendBy(known, request, body));
        }
        return chosen.handle((protocol, failure) -> {
            if (failure != null) {
                CHOSEN.remove(key, chosen);
                return CompletableFuture.<HttpResponse<byte[]>>failedFuture(Ranges.unwrap(failure));
            }
            return forget(key, chosen, sendBy(protocol, request, body));
        }).thenCompose(sent -> sent);
    }

    /** What {@code origin} chose by ALPN, learnt by a handshake started now if none was made or is under way. */
    private CompletableFuture<String> chosen(Origin origin) {
        return CHOSEN.computeIfAbsent(origin.key(), k -> negotiate(origin.host(), origin.port()));
    }

    /** An https origin as this transport knows it; {@code key} names it in {@link #CHOSEN}: trust, host and port. */
    private record Origin(String host, int port, String key) {
    }

    private Origin origin(URI uri) {
        String h = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || h == null) {
            throw new IllegalArgumentException("expected an https: URL with a host, found " + uri);
        }
        String host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        return new Origin(host, port, (trustAll ? "trust-all " : "") + host + ":" + port);
    }

    private CompletableFuture<HttpResponse<byte[]>> sendBy(String protocol, HttpRequest request,
            HttpResponse.BodyHandler<byte[]> body) {
        return TlsDialer.H2.equals(protocol) ? h2.sendAsync(request, body) : http1.sendAsync(request, body);
    }

    /** {@code sent}, after forgetting the origin's choice if a new connection found the server choosing otherwise. */
    private static CompletableFuture<HttpResponse<byte[]>> forget(String key, CompletableFuture<String> chosen,
            CompletableFuture<HttpResponse<byte[]>> sent) {
        return sent.whenComplete((response, failure) -> {
            for (Throwable c = failure; c != null; c = c.getCause()) {
                if (c instanceof TlsDialer.NotChosen) {
                    CHOSEN.remove(key, chosen);
                    return;
                }
            }
        });
    }

    /** Opens the origin's first connection, learns what ALPN chooses and keeps the connection as a spare. */
    private CompletableFuture<String> negotiate(String host, int port) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SSLSocket socket = offering.handshake(host, port, connectTimeout);
                String protocol = TlsDialer.chosen(socket);
                (TlsDialer.H2.equals(protocol) ? h2Dialer : http1Dialer).keep(host, port, socket);
                return protocol;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, Handshakes.THREADS);
    }
}
