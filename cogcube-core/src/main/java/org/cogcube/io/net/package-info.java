/**
 * How the HTTP clients of {@code org.cogcube.io.http1} and {@code org.cogcube.io.http2} open their
 * connections: plain TCP for {@code http:}, TLS (an {@link javax.net.ssl.SSLSocket}: BoringSSL's
 * through Conscrypt where it is on the class path and loads, else the JDK's, see
 * {@link org.cogcube.io.net.NativeTls}) for {@code https:}.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>dialer</b>: what opens a connected, ready-to-use socket to a host and port within a
 *       timeout ({@link org.cogcube.io.net.Dialer}); connections opened by one dialer may be
 *       shared by every request it serves, never with another dialer's;</li>
 *   <li><b>handshake</b>: TLS's opening exchange, which checks the server's certificate against
 *       the <b>trust store</b> (the JVM's default, which {@code -Djavax.net.ssl.trustStore}
 *       replaces, unless every certificate is trusted) and the host name against the certificate
 *       (RFC 2818), and sends the host name by SNI;</li>
 *   <li><b>ALPN</b>: the TLS extension by which the client offers application protocols
 *       ({@code h2}, {@code http/1.1}) and the server chooses one during the handshake; a server
 *       that chooses none speaks HTTP/1.1;</li>
 *   <li><b>spare</b>: a connection opened before a request needs it, kept for the first request
 *       that then needs a connection to that origin: over TLS the one opened to learn what ALPN
 *       chooses, so that learning costs no extra handshake; over cleartext those a command opens
 *       while it prepares its first requests ({@link org.cogcube.io.net.CleartextDialer#preconnect});</li>
 *   <li><b>deferred trust</b>: the trust store loaded on a thread of its own while the handshake's
 *       first message goes out, waited for only when the server's certificate arrives.</li>
 * </ul>
 */
package org.cogcube.io.net;
