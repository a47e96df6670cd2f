package org.cogcube.io.net;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Opens TLS connections for {@code https:}: a TCP connection, then the handshake with SNI, the
 * host name checked against the certificate (unless every certificate is trusted), and ALPN
 * offering this dialer's protocols. One dialer per trust and protocols, shared. The TLS is
 * BoringSSL's through Conscrypt where it loads ({@link NativeTls}), else the JDK's; and the JDK's
 * when client certificates are configured.
 *
 * <p>With the JDK's TLS, the enabled cipher suites are offered with the ChaCha20-Poly1305 ones first:
 * JSSE's AES-GCM is fast only where the optimising compiler (C2) replaces it with the processor's
 * AES and carry-less multiply instructions, and short processes ({@code cogcube extract} runs with
 * the quick compiler only) decrypt with its pure-Java code, at several times ChaCha20's CPU per byte.
 * A server that chooses by its own order (as {@code cogcube serve} does) is unaffected.
 */
public final class TlsDialer implements Dialer {
    /** ALPN's name of HTTP/2 over TLS. */
    public static final String H2 = "h2";
    /** ALPN's name of HTTP/1.1. */
    public static final String HTTP_1_1 = "http/1.1";

    private record Key(boolean trustAll, List<String> protocols) {
    }

    private static final Map<Key, TlsDialer> DIALERS = new ConcurrentHashMap<>();

    private final boolean trustAll;
    private final List<String> protocols;
    private final String name;
    private final Map<String, SSLSocket> spares = new ConcurrentHashMap<>();

    private TlsDialer(Key key) {
        this.trustAll = key.trustAll();
        this.protocols = key.protocols();
        this.name = "https" + (trustAll ? "+trust-all" : "") + "+" + String.join(",", protocols);
    }

    /**
     * The dialer offering {@code protocols} by ALPN, in order of preference, and trusting the
     * JVM's trust store, or every certificate when {@code trustAll}.
     */
    public static TlsDialer of(boolean trustAll, List<String> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("expected at least one ALPN protocol, found none");
        }
        return DIALERS.computeIfAbsent(new Key(trustAll, List.copyOf(protocols)), TlsDialer::new);
    }

    /**
     * The JDK's TLS context of {@code trustAll}: one trusting every certificate, or one with the JVM's
     * default trust, loaded in the background while the first handshake starts ({@link DeferredTrust}).
     * When client certificates are configured ({@code -Djavax.net.ssl.keyStore}), the JVM's default
     * context, which presents them. (This dialer's own connections use {@link #dialContext}.)
     */
    public static SSLContext context(boolean trustAll) {
        try {
            if (trustAll) {
                return TrustingEveryone.CONTEXT;
            }
            return clientCertificates() ? SSLContext.getDefault() : TrustingTheJvm.CONTEXT;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /**
     * The context of this dialer's connections: as {@link #context}, but BoringSSL's through
     * Conscrypt where it loads, unless client certificates are configured.
     */
    static SSLContext dialContext(boolean trustAll) {
        if (NativeTls.provider().isEmpty() || (!trustAll && clientCertificates())) {
            return context(trustAll);
        }
        return trustAll ? TrustingEveryoneNatively.CONTEXT : TrustingTheJvmNatively.CONTEXT;
    }

    private static boolean clientCertificates() {
        return System.getProperty("javax.net.ssl.keyStore") != null;
    }

    @Override
    public String scheme() {
        return "https";
    }

    @Override
    public int defaultPort() {
        return 443;
    }

    @Override
    public String name() {
        return name;
    }

    /** The spare connection to {@code host:port} if one is kept, else a new one. */
    @Override
    public SSLSocket open(String host, int port, Duration timeout) throws IOException {
        SSLSocket spare = spares.remove(host + ":" + port);
        if (spare != null && !spare.isClosed()) {
            return spare;
        }
        return handshake(host, port, timeout);
    }

    /** Keeps {@code socket}, opened to {@code host:port} by a dialer of the same trust, for the next {@link #open}. */
    public void keep(String host, int port, SSLSocket socket) {
        SSLSocket older = spares.put(host + ":" + port, socket);
        if (older != null) {
            Dialer.closeQuietly(older);
        }
    }

    /** The protocol ALPN chose on {@code socket}: one offered, or {@link #HTTP_1_1} when the server chose none. */
    public static String chosen(SSLSocket socket) {
        String protocol = socket.getApplicationProtocol();
        return protocol == null || protocol.isEmpty() ? HTTP_1_1 : protocol;
    }

    /** A new connection to {@code host:port}, its handshake done within {@code timeout}. */
    public SSLSocket handshake(String host, int port, Duration timeout) throws IOException {
        Socket tcp = Dialer.connect(host, port, timeout);
        try {
            SSLContext context = dialContext(trustAll);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(protocols.toArray(String[]::new));
            if (!NativeTls.isNative(context)) {
                parameters.setCipherSuites(chaCha20First(parameters.getCipherSuites()));
            }
            if (!trustAll) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(Dialer.millis(timeout));
            try {
                socket.startHandshake();
            } catch (SocketTimeoutException e) {
                throw Dialer.connectTimeout("a TLS handshake with " + host + ":" + port, timeout, e);
            }
            socket.setSoTimeout(0);
            String chosen = chosen(socket);
            if (!protocols.contains(chosen)) {
                throw new NotChosen("expected " + host + ":" + port + " to choose one of " + protocols
                        + " by ALPN, found " + chosen);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            Dialer.closeQuietly(tcp);
            throw e;
        }
    }

    /** {@code suites} in the same order, except the ChaCha20-Poly1305 ones, which come first. */
    static String[] chaCha20First(String[] suites) {
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String suite : suites) {
            (suite.contains("_CHACHA20_POLY1305_") ? first : rest).add(suite);
        }
        first.addAll(rest);
        return first.toArray(String[]::new);
    }

    // Each context is built on first use only (a context costs tens of milliseconds to a fresh JVM):
    // the JVM's default trust costs nothing to those who trust all, the JDK's context nothing to
    // those who use Conscrypt's.

    private static final class TrustingEveryone {
        static final SSLContext CONTEXT = context(Optional.empty(), new TrustAll());
    }

    private static final class TrustingEveryoneNatively {
        static final SSLContext CONTEXT = context(NativeTls.provider(), new TrustAll());
    }

    /** The JVM's default trust, loaded while the first handshake begins; shared by both contexts. */
    private static final class JvmTrust {
        static final DeferredTrust TRUST = DeferredTrust.startLoading();
    }

    private static final class TrustingTheJvm {
        static final SSLContext CONTEXT = context(Optional.empty(), JvmTrust.TRUST);
    }

    private static final class TrustingTheJvmNatively {
        static final SSLContext CONTEXT = context(NativeTls.provider(), JvmTrust.TRUST);
    }

    private static SSLContext context(Optional<Provider> provider, TrustManager trust) {
        try {
            return NativeTls.context(provider, trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /** The server chose by ALPN a protocol this dialer did not offer (or none, when HTTP/1.1 was not offered). */
    public static final class NotChosen extends IOException {
        private static final long serialVersionUID = 1L;

        NotChosen(String message) {
            super(message);
        }
    }
}
