package org.cogcube.server;

import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Comparator;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.cogcube.CogcubeException;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the TLS context of a {@link CubeServer}: its certificate, provider and cipher order. */
final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger(CubeServer.class);

    /**
     * The server's order of cipher suites: AES-128-GCM first (TLS 1.3 and 1.2; as safe as AES-256 for
     * this use and cheaper), then Jetty's order for HTTP/2, which puts the suites HTTP/2 forbids last.
     * BoringSSL does not let the TLS 1.3 suites be ordered: there it chooses by its own rules.
     */
    static final Comparator<String> AES_128_GCM_FIRST = Comparator.<String, Boolean>comparing(
            suite -> !suite.contains("AES_128_GCM")).thenComparing(HTTP2Cipher.COMPARATOR);

    private TlsContexts() {
    }

    static SslContextFactory.Server of(ServerOptions options) {
        KeyStore store = KeyStores.of(options.tls().orElseThrow(), options.host());
        Optional<Provider> provider = provider(options.tlsProvider());
        SslContextFactory.Server ssl = new SslContextFactory.Server() {
            @Override
            protected SSLContext getSSLContextInstance() throws NoSuchAlgorithmException {
                return provider.isPresent() ? SSLContext.getInstance("TLS", provider.get()) : super.getSSLContextInstance();
            }
        };
        ssl.setKeyStore(store);
        ssl.setKeyStorePassword(new String(KeyStores.PASSWORD));
        ssl.setCipherComparator(AES_128_GCM_FIRST);
        ssl.setUseCipherSuitesOrder(true);
        ssl.setSniRequired(false);
        return ssl;
    }

    /** The provider asked for, or none for the JDK's default. */
    static Optional<Provider> provider(TlsProvider asked) {
        return switch (asked) {
            case JDK -> Optional.empty();
            case CONSCRYPT -> Optional.of(ConscryptTls.provider().orElseThrow(() -> new CogcubeException(
                    "TLS provider conscrypt: its native library does not load on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + "; choose the JDK's TLS (jdk) or auto")));
            case AUTO -> {
                Optional<Provider> conscrypt = ConscryptTls.provider();
                if (conscrypt.isEmpty()) {
                    LOG.debug("Conscrypt's native library does not load on {} {}: TLS by the JDK",
                            System.getProperty("os.name"), System.getProperty("os.arch"));
                }
                yield conscrypt;
            }
        };
    }

    /** Which implementation encrypts for this context. */
    static TlsProvider used(SSLContext context) {
        return ConscryptTls.provider().map(p -> p.getName().equals(context.getProvider().getName()))
                .orElse(false) ? TlsProvider.CONSCRYPT : TlsProvider.JDK;
    }
}
