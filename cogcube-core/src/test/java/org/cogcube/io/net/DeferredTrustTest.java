package org.cogcube.io.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.cogcube.testing.NginxServer;
import org.cogcube.testing.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trust loaded in the background checks nginx's certificate as the JVM's default trust does,
 * in the JDK's TLS and in Conscrypt's ({@link NativeTls}).
 */
class DeferredTrustTest {
    @TempDir
    static Path root;
    static NginxServer nginx;

    @BeforeAll
    static void start() {
        assumeTrue(NginxServer.available(), "nginx is not installed");
        nginx = NginxServer.start(root, NginxServer.Mode.TLS_H2);
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "auto"})
    void acceptsACertificateOfTheStoreForItsOwnName(String tls) {
        assertDoesNotThrow(() -> handshake(tls, DeferredTrust.startLoading(DeferredTrustTest::storeWithNginx),
                "localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "auto"})
    void refusesACertificateOfTheStoreForAnotherName(String tls) {
        assertThrows(SSLHandshakeException.class, () -> handshake(tls,
                DeferredTrust.startLoading(DeferredTrustTest::storeWithNginx), "tiles.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "auto"})
    void refusesACertificateThatIsNotInTheStore(String tls) {
        Callable<KeyStore> empty = () -> {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("other", otherCertificate());
            return store;
        };
        assertThrows(SSLHandshakeException.class, () -> handshake(tls, DeferredTrust.startLoading(empty), "localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "auto"})
    void saysWhyWhenTheStoreCannotBeLoaded(String tls) {
        Callable<KeyStore> broken = () -> {
            throw new java.io.IOException("keystore password was incorrect");
        };
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> handshake(tls, DeferredTrust.startLoading(broken), "localhost"));
        String all = e + " " + e.getCause();
        assertTrue(all.contains("cannot load the trust store") && all.contains("password was incorrect"), all);
    }

    /** A handshake with nginx as {@code name}, in the JDK's TLS ({@code jdk}) or Conscrypt's ({@code auto}). */
    private static void handshake(String tls, DeferredTrust trust, String name) throws Exception {
        Optional<Provider> provider = NativeTls.load(tls);
        assertEquals(tls.equals("auto"), provider.isPresent(), "Conscrypt loads here");
        SSLContext context = NativeTls.context(provider, trust);
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress("127.0.0.1", nginx.port()), 10_000);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, name, nginx.port(), false);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            assertEquals(provider.isPresent(), socket.getClass().getName().startsWith("org.conscrypt."),
                    socket.getClass().getName());
        }
    }

    private static KeyStore storeWithNginx() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(SelfSignedCertificate.get().certificate())) {
            store.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        return store;
    }

    /** A certificate other than nginx's: the JDK's first trusted authority. */
    private static java.security.cert.Certificate otherCertificate() throws Exception {
        KeyStore cacerts = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            cacerts.load(in, null);
        }
        return cacerts.getCertificate(cacerts.aliases().nextElement());
    }
}
