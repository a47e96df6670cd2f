package org.cogcube.server;

import java.security.Provider;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import org.conscrypt.ApplicationProtocolSelector;
import org.conscrypt.Conscrypt;
import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Connector;

/**
 * Conscrypt (BoringSSL) as the TLS of Jetty: its provider, when its native library loads here, and
 * the ALPN negotiation on its engines, which Jetty's JDK ALPN processor does not take (it applies to
 * the JDK's own engines only).
 */
final class ConscryptTls {
    private static final Optional<Provider> PROVIDER = load();

    private ConscryptTls() {
    }

    /** Conscrypt's provider, or none when its native library cannot load on this system. */
    static Optional<Provider> provider() {
        return PROVIDER;
    }

    private static Optional<Provider> load() {
        try {
            return Conscrypt.isAvailable() ? Optional.of(Conscrypt.newProvider()) : Optional.empty();
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Jetty's ALPN connection factory that also negotiates on Conscrypt's engines, through Conscrypt's
     * public selector API, and leaves the others to Jetty's processors.
     */
    static final class AlpnFactory extends ALPNServerConnectionFactory {
        AlpnFactory() {
            super(new String[0]);
        }

        @Override
        protected AbstractConnection newServerConnection(Connector connector, EndPoint endPoint, SSLEngine engine,
                List<String> protocols, String defaultProtocol) {
            if (!PROVIDER.isPresent() || !Conscrypt.isConscrypt(engine)) {
                return super.newServerConnection(connector, endPoint, engine, protocols, defaultProtocol);
            }
            ALPNServerConnection connection = new ALPNServerConnection(connector, endPoint, engine, protocols,
                    defaultProtocol);
            Selector selector = new Selector(connection);
            Conscrypt.setApplicationProtocolSelector(engine, selector);
            ((SslConnection.SslEndPoint) endPoint).getSslConnection().addHandshakeListener(selector);
            return connection;
        }
    }

    /** Chooses among the client's protocols the way Jetty's own ALPN processors do. */
    private static final class Selector extends ApplicationProtocolSelector implements SslHandshakeListener {
        private final ALPNServerConnection connection;

        Selector(ALPNServerConnection connection) {
            this.connection = connection;
        }

        @Override
        public String selectApplicationProtocol(SSLEngine engine, List<String> offered) {
            connection.select(offered);
            return connection.getProtocol();
        }

        @Override
        public String selectApplicationProtocol(javax.net.ssl.SSLSocket socket, List<String> offered) {
            throw new UnsupportedOperationException("the server negotiates on engines, not sockets");
        }

        @Override
        public void handshakeSucceeded(Event event) {
            if (connection.getProtocol() == null) { // the client offered no ALPN: the default protocol
                connection.unsupported();
            }
        }
    }
}
