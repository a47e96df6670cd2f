package org.cogcube.io.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.cogcube.testing.NginxServer;
import org.cogcube.testing.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust loaded in the background checks nginx's certificate as the JVM's default trust does. */
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

    @Test
    void acceptsACertificateOfTheStoreForItsOwnName() {
        assertDoesNotThrow(() -> handshake(DeferredTrust.startLoading(DeferredTrustTest::storeWithNginx), "localhost"));
    }

    @Test
    void refusesACertificateOfTheStoreForAnotherName() {
        assertThrows(SSLHandshakeException.class,
                () -> handshake(DeferredTrust.startLoading(DeferredTrustTest::storeWithNginx), "tiles.example.org"));
    }

    @Test
    void refusesACertificateThatIsNotInTheStore() {
        Callable<KeyStore> empty = () -> {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("other", otherCertificate());
            return store;
        };
        assertThrows(SSLHandshakeException.class, () -> handshake(DeferredTrust.startLoading(empty), "localhost"));
    }

    @Test
    void saysWhyWhenTheStoreCannotBeLoaded() {
        Callable<KeyStore> broken = () -> {
            throw new java.io.IOException("keystore password was incorrect");
        };
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> handshake(DeferredTrust.startLoading(broken), "localhost"));
        String all = e + " " + e.getCause();
        assertTrue(all.contains("cannot load the trust store") && all.contains("password was incorrect"), all);
    }

    private static void handshake(DeferredTrust trust, String name) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress("127.0.0.1", nginx.port()), 10_000);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(tcp, name, nginx.port(), false);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
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
