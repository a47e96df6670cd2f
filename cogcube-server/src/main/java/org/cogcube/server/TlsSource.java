package org.cogcube.server;

import java.nio.file.Path;
import java.util.Objects;

/** Where a {@link CubeServer}'s TLS certificate comes from. */
public sealed interface TlsSource {

    /**
     * A certificate chain and its private key in PEM files: the key unencrypted PKCS#8
     * ({@code BEGIN PRIVATE KEY}, RSA or EC), as {@code openssl req -nodes} and Let's Encrypt write it.
     */
    record Pem(Path certificate, Path key) implements TlsSource {
        public Pem {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A certificate made at start for {@code localhost}, {@code 127.0.0.1} and the host listened on,
     * trusted by no one: clients must skip verification (curl {@code -k}, GDAL
     * {@code GDAL_HTTP_UNSAFESSL=YES}). For trying HTTP/2 out, not for publishing.
     */
    record SelfSigned() implements TlsSource {
    }

    static TlsSource pem(Path certificate, Path key) {
        return new Pem(certificate, key);
    }

    static TlsSource selfSigned() {
        return new SelfSigned();
    }
}
