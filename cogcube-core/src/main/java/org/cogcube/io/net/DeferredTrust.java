package org.cogcube.io.net;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JVM's default trust (the trust store {@code -Djavax.net.ssl.trustStore} names, else the
 * JDK's {@code cacerts}), loaded on a background thread from the moment this is made. A handshake
 * needs it only when the server's certificate arrives, a round trip after the client's first
 * message; loading it first (reading and checking the store, parsing every certificate) is some 40
 * to 60 ms of a short process that would otherwise delay that first message. Every check is the
 * default trust manager's own, host name checks included; a store that cannot be loaded fails the
 * handshake with the reason.
 */
final class DeferredTrust extends X509ExtendedTrustManager {
    private final CompletableFuture<X509ExtendedTrustManager> loading;

    private DeferredTrust(CompletableFuture<X509ExtendedTrustManager> loading) {
        this.loading = loading;
    }

    /** Starts loading the default trust on a daemon thread of its own. */
    static DeferredTrust startLoading() {
        return startLoading(() -> null);
    }

    /**
     * Starts loading, on a daemon thread of its own, the default trust manager's trust in the
     * store {@code store} gives (null: the JVM's default store).
     */
    static DeferredTrust startLoading(Callable<KeyStore> store) {
        CompletableFuture<X509ExtendedTrustManager> loading = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                loading.complete(load(store.call()));
            } catch (Exception e) {
                loading.completeExceptionally(e);
            }
        }, "cogcube-trust-store");
        thread.setDaemon(true);
        thread.start();
        return new DeferredTrust(loading);
    }

    private static X509ExtendedTrustManager load(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("expected an X509 trust manager from " + factory.getAlgorithm()
                + ", found none");
    }

    /** The default trust manager, once loaded. */
    private X509ExtendedTrustManager trust() throws CertificateException {
        try {
            return loading.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CertificateException("cannot load the trust store: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return trust().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
