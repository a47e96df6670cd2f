package org.cogcube.io.net;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS implementation of cogcube's own connections: BoringSSL through Conscrypt when Conscrypt's
 * jar is on the class path (the command-line jar has it, for {@code cogcube serve}; a program that
 * embeds the core library may add it) and its native library loads on this system, else the JDK's
 * (JSSE). {@code -Dcogcube.tls.provider=jdk} keeps the JDK's.
 *
 * <p>A command runs with the quick compiler only, under which JSSE's ciphers are plain Java: they
 * decrypt about 100 MB a second per core with ChaCha20-Poly1305, 35 with AES-GCM. BoringSSL's are
 * native, as are its handshake's key shares and signatures: an extraction reading 18.7 MB of tiles
 * over h2/TLS from loopback took 0.87 s instead of 1.0, one cut by {@code cogcube serve} behind a
 * 100 ms link 0.73 s instead of 0.78 (Conscrypt's loading, about 50 ms, included). Conscrypt is
 * looked up by reflection so that the core library does not depend on it.
 */
final class NativeTls {
    /** The system property that chooses: {@code auto} (the default) or {@code jdk}. */
    static final String PROPERTY = "cogcube.tls.provider";

    private NativeTls() {
    }

    private static final class Holder {
        static final Optional<Provider> PROVIDER = load(System.getProperty(PROPERTY, "auto"));
    }

    /** Conscrypt's provider, when it is to be used and loads here. */
    static Optional<Provider> provider() {
        return Holder.PROVIDER;
    }

    /** Conscrypt's provider for a setting of {@value #PROPERTY}, or none for {@code jdk} or when it cannot load. */
    static Optional<Provider> load(String setting) {
        if (setting.equalsIgnoreCase("jdk")) {
            return Optional.empty();
        }
        if (!setting.equalsIgnoreCase("auto")) {
            throw new IllegalArgumentException("expected -D" + PROPERTY + "=auto or jdk, found " + setting);
        }
        try {
            Class<?> conscrypt = Class.forName("org.conscrypt.Conscrypt");
            if (!(Boolean) conscrypt.getMethod("isAvailable").invoke(null)) {
                return Optional.empty();
            }
            return Optional.of((Provider) conscrypt.getMethod("newProvider").invoke(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A TLS context trusting {@code trust}, of {@code provider} when there is one, else the JDK's. */
    static SSLContext context(Optional<Provider> provider, TrustManager trust) throws GeneralSecurityException {
        SSLContext context = provider.isPresent() ? SSLContext.getInstance("TLS", provider.get())
                : SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    /** Whether {@code context} is Conscrypt's. */
    static boolean isNative(SSLContext context) {
        return provider().map(p -> p == context.getProvider()).orElse(false);
    }
}
