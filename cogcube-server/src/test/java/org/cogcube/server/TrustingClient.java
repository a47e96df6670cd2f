package org.cogcube.server;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The JDK's HTTP/2 client trusting any certificate: for tests against a server's self-signed one. */
final class TrustingClient {
    private TrustingClient() {
    }

    static HttpClient http2() throws GeneralSecurityException {
        return HttpClient.newBuilder().sslContext(trustAll()).version(HttpClient.Version.HTTP_2).build();
    }

    /** The JDK's TLS, as a client trusting any certificate. */
    static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return trustAll;
    }
}
