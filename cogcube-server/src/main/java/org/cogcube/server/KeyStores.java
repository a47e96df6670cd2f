package org.cogcube.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cogcube.CogcubeException;

/** Turns a {@link TlsSource} into the key store Jetty's TLS reads. */
final class KeyStores {
    static final String ALIAS = "cogcube";
    static final char[] PASSWORD = "cogcube".toCharArray();

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private KeyStores() {
    }

    static KeyStore of(TlsSource source, String host) {
        if (source instanceof TlsSource.Pem pem) {
            return fromPem(pem.certificate(), pem.key());
        }
        return selfSigned(host);
    }

    /** A key store holding the PEM certificate chain and PKCS#8 key. */
    static KeyStore fromPem(Path certificateFile, Path keyFile) {
        List<Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(certificateFile)) {
            chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (IOException | GeneralSecurityException e) {
            throw new CogcubeException("cannot read the TLS certificate " + certificateFile + ": expected PEM blocks"
                    + " 'BEGIN CERTIFICATE' (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new CogcubeException("no certificate in " + certificateFile + ": expected a 'BEGIN CERTIFICATE' block");
        }
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new CogcubeException("the key in " + keyFile + " does not go with the certificate in "
                    + certificateFile + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path keyFile) {
        String text;
        try {
            text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CogcubeException("cannot read the TLS key " + keyFile + ": " + e.getMessage(), e);
        }
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            String kind = m.group(1);
            if (kind.equals("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException notThis) {
                        // try the next algorithm
                    }
                }
                throw new CogcubeException("the PKCS#8 key in " + keyFile + " is not RSA, EC or EdDSA");
            }
            if (kind.endsWith("PRIVATE KEY")) {
                throw new CogcubeException("the key in " + keyFile + " is '" + kind + "': expected an unencrypted"
                        + " PKCS#8 'PRIVATE KEY'; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + keyFile
                        + " -out key-pkcs8.pem");
            }
        }
        throw new CogcubeException("no private key in " + keyFile + ": expected a PEM block 'BEGIN PRIVATE KEY'");
    }

    /**
     * A fresh self-signed EC certificate for localhost, 127.0.0.1, ::1 and {@code host}, made by the
     * running JDK's {@code keytool} (the JDK has no public API to sign a certificate).
     */
    static KeyStore selfSigned(String host) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new CogcubeException("cannot make a self-signed certificate: no keytool at " + keytool
                    + "; give a certificate with --tls-cert and --tls-key instead");
        }
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
        if (!host.isBlank() && !host.equals("0.0.0.0") && !host.equals("::")) {
            names.add((isAddress(host) ? "ip:" : "dns:") + host);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cogcube-tls-");
            Path store = dir.resolve("self-signed.p12");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=" + String.join(",", names),
                    "-validity", "365", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("keytool.log").toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new CogcubeException("keytool could not make a self-signed certificate: "
                        + Files.readString(dir.resolve("keytool.log")).strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(store))) {
                ks.load(in, PASSWORD);
            }
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new CogcubeException("cannot make a self-signed certificate with " + keytool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CogcubeException("interrupted while making a self-signed certificate", e);
        } finally {
            deleteTree(dir);
        }
    }

    private static boolean isAddress(String host) {
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind holds nothing secret once the server has its key store
        }
    }
}
