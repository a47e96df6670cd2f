package org.cogcube.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for localhost and 127.0.0.1, made once per test run with openssl. */
public record SelfSignedCertificate(Path certificate, Path key) {
    private static SelfSignedCertificate made;

    public static synchronized SelfSignedCertificate get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    private static SelfSignedCertificate make() {
        try {
            Path dir = Files.createTempDirectory("cogcube-cert-");
            dir.toFile().deleteOnExit();
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", cert.toString(), "-days", "365", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile())
                    .start();
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IOException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
            }
            cert.toFile().deleteOnExit();
            key.toFile().deleteOnExit();
            dir.resolve("openssl.log").toFile().deleteOnExit();
            return new SelfSignedCertificate(cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
