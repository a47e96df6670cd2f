package org.cogcube.io;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cogcube.io.http1.Http1Client;
import org.cogcube.io.http2.H2cClient;
import org.cogcube.io.net.CleartextDialer;
import org.cogcube.io.net.Dialer;
import org.cogcube.io.net.TlsDialer;

/**
 * The transports of readers: cogcube's own, over cleartext (HTTP/1.1, or h2c with prior
 * knowledge) and over TLS (HTTP/2 or HTTP/1.1 as ALPN chooses, {@link TlsTransport}); the JDK's
 * HttpClient through proxies and when asked ({@link HttpOptions.Protocol#JDK_HTTP_1_1}). The JDK
 * clients are one per distinct client-level setting, shared by all readers.
 */
final class HttpClients {
    private HttpClients() {
    }

    /** The transport for reading {@code uri} with {@code options}. */
    static HttpTransport transport(URI uri, HttpOptions options) {
        boolean secure = uri.getScheme().equalsIgnoreCase("https");
        HttpOptions.Protocol protocol = options.protocol();
        if (protocol == HttpOptions.Protocol.JDK_HTTP_1_1 || proxied(uri)) {
            return forOptions(options, secure)::sendAsync;
        }
        if (protocol == HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE && !secure) {
            return H2cClient.connectingWithin(options.connectTimeout())::sendAsync;
        }
        Http1Client http1 = Http1Client.connectingWithin(options.connectTimeout(), options.maxConcurrentRequests());
        return new Redirects(http1::sendAsync, secure(options));
    }

    /**
     * Starts opening connections to the origin of {@code uri} in the background when the transport
     * for it is cogcube's own: the TLS handshake for {@code https:}, two TCP connections for
     * HTTP/1.1 over {@code http:}; does nothing otherwise.
     */
    static void preconnect(URI uri, HttpOptions options) {
        if (uri.getHost() == null || options.protocol() == HttpOptions.Protocol.JDK_HTTP_1_1 || proxied(uri)) {
            return;
        }
        if (uri.getScheme().equalsIgnoreCase("https")) {
            TlsTransport.preconnect(uri, options);
        } else if (options.protocol() != HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE) {
            // HTTP/1.1: a connection per request in flight, and a command's first two go out together.
            CleartextDialer dialer = Dialer.cleartext();
            dialer.preconnect(uri.getHost(), uri.getPort() < 0 ? dialer.defaultPort() : uri.getPort(), FIRST_REQUESTS,
                    options.connectTimeout());
        }
    }

    /** How many requests a reading command sends at once to its catalogue's origin: the catalogue and its early cut. */
    private static final int FIRST_REQUESTS = 2;

    /**
     * The transport of {@code https:} URLs: cogcube's own, made on first use (a redirect from
     * {@code http:} may never come), or the JDK's for a URL the default proxy selector sends
     * through a proxy.
     */
    private static HttpTransport secure(HttpOptions options) {
        HttpTransport[] own = new HttpTransport[1];
        return (request, handler) -> {
            if (proxied(request.uri())) {
                return forOptions(options, true).sendAsync(request, handler);
            }
            synchronized (own) {
                if (own[0] == null) {
                    own[0] = TlsTransport.of(options);
                }
            }
            return own[0].send(request, handler);
        };
    }

    /** Whether the default proxy selector, which the JDK's client follows, names a proxy for {@code uri}. */
    private static boolean proxied(URI uri) {
        ProxySelector selector = ProxySelector.getDefault();
        return selector != null && selector.select(uri).stream().anyMatch(p -> p.type() != Proxy.Type.DIRECT);
    }

    private record Key(HttpClient.Version version, Duration connectTimeout, boolean trustAll) {
    }

    private static final Map<Key, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    /** The shared client for {@code options}, reading {@code https} or cleartext {@code http}. */
    static HttpClient forOptions(HttpOptions options, boolean secure) {
        boolean http2 = options.protocol() == HttpOptions.Protocol.HTTP_2
                || options.protocol() == HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE; // over TLS, ALPN says h2
        HttpClient.Version version = http2 && secure ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        Key key = new Key(version, options.connectTimeout(), options.trustAllCertificates());
        return CLIENTS.computeIfAbsent(key, HttpClients::build);
    }

    private static HttpClient build(Key key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(key.version())
                .connectTimeout(key.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (key.trustAll()) {
            builder.sslContext(TlsDialer.context(true));
        }
        return builder.build();
    }
}
