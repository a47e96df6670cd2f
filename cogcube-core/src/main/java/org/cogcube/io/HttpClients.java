package org.cogcube.io;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.cogcube.io.http1.Http1Client;
import org.cogcube.io.http2.H2cClient;

/**
 * The transports of readers: cogcube's own for cleartext (HTTP/1.1, or h2c with prior knowledge),
 * the JDK's HttpClient for TLS (ALPN, HTTP/2) and through proxies. The JDK clients are one per
 * distinct client-level setting, shared by all readers: HTTP/2 multiplexes every request to a host
 * over one connection, which only a shared client reuses.
 */
final class HttpClients {
    private HttpClients() {
    }

    /** The transport for reading {@code uri} with {@code options}. */
    static HttpTransport transport(URI uri, HttpOptions options) {
        boolean secure = uri.getScheme().equalsIgnoreCase("https");
        HttpOptions.Protocol protocol = options.protocol();
        if (secure || protocol == HttpOptions.Protocol.JDK_HTTP_1_1) {
            return forOptions(options, secure)::sendAsync;
        }
        if (protocol == HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE) {
            return H2cClient.connectingWithin(options.connectTimeout())::sendAsync;
        }
        if (proxied(uri)) {
            return forOptions(options, false)::sendAsync;
        }
        Http1Client http1 = Http1Client.connectingWithin(options.connectTimeout(), options.maxConcurrentRequests());
        // The JDK's client (and its TLS context, with the trust store) is started only if a redirect leads to https:.
        return new Redirects(http1::sendAsync, (request, handler) -> forOptions(options, true).sendAsync(request, handler));
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
            builder.sslContext(trustingEveryone());
        }
        return builder.build();
    }

    private static SSLContext trustingEveryone() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /** Accepts every certificate and skips host name checks; for self-signed test servers. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
