package org.cogcube.io.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;

/**
 * Opens connections for an HTTP client: a socket connected to a host and port, TLS handshake
 * done where there is one. Public only so that the clients, in other packages, can reach it.
 */
public interface Dialer {
    /** The URL scheme this dialer serves: {@code http} or {@code https}. */
    String scheme();

    /** The port of URLs that name none. */
    int defaultPort();

    /**
     * What connections opened by this dialer share, as a prefix of their origin: two dialers with
     * the same name open interchangeable connections (same scheme, same trust, same protocols).
     */
    String name();

    /**
     * A socket connected to {@code host:port} within {@code timeout}, ready for the protocol.
     *
     * @throws HttpConnectTimeoutException when the connection (or the TLS handshake) takes longer
     * @throws IOException when it cannot be made ({@link javax.net.ssl.SSLHandshakeException} for a
     *     certificate that is not trusted or does not name the host)
     */
    Socket open(String host, int port, Duration timeout) throws IOException;

    /** The dialer of cleartext {@code http:}: a plain TCP connection. */
    static CleartextDialer cleartext() {
        return CleartextDialer.INSTANCE;
    }

    /** Closes {@code socket}, ignoring a failure to: closing is all that is wanted. */
    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    /** A TCP connection to {@code host:port} within {@code timeout}, without delay (Nagle off). */
    static Socket connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), millis(timeout));
            return socket;
        } catch (SocketTimeoutException e) {
            socket.close();
            throw connectTimeout("a connection to " + host + ":" + port, timeout, e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A timeout as socket options take it: whole milliseconds, at least 1. */
    static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** The failure of {@code what} not happening within {@code timeout}. */
    static HttpConnectTimeoutException connectTimeout(String what, Duration timeout, Throwable cause) {
        HttpConnectTimeoutException e = new HttpConnectTimeoutException("expected " + what + " within "
                + timeout.toMillis() + " ms, found none");
        e.initCause(cause);
        return e;
    }
}
