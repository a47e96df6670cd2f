package org.cogcube.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server-side TLS context holding the tests' self-signed certificate (the one nginx serves, for
 * localhost and 127.0.0.1), for servers written in Java.
 */
public final class TlsServerContext {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SSLContext made;

    private TlsServerContext() {
    }

    /** The context, made once per test run. */
    public static synchronized SSLContext get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    private static SSLContext make() {
        SelfSignedCertificate cert = SelfSignedCertificate.get();
        try {
            Path dir = Files.createTempDirectory("cogcube-keystore-");
            dir.toFile().deleteOnExit();
            Path store = dir.resolve("server.p12");
            Process openssl = new ProcessBuilder("openssl", "pkcs12", "-export", "-in", cert.certificate().toString(),
                    "-inkey", cert.key().toString(), "-name", "server", "-out", store.toString(),
                    "-passout", "pass:" + new String(PASSWORD))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile())
                    .start();
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IOException("openssl pkcs12 failed: " + Files.readString(dir.resolve("openssl.log")));
            }
            store.toFile().deleteOnExit();
            dir.resolve("openssl.log").toFile().deleteOnExit();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the tests' TLS server context", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
