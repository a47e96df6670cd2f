/**
 * A small HTTP/1.1 client for {@code http:} and {@code https:} URLs (its connections opened by an
 * {@link org.cogcube.io.net.Dialer}), enough for {@code GET} and
 * {@code HEAD}: what {@link org.cogcube.io.HttpRangeReader} uses instead of the JDK's HttpClient,
 * whose asynchronous machinery costs about a millisecond of CPU per request. Its one public type,
 * {@link org.cogcube.io.http1.Http1Client}, takes and returns the JDK client's request and
 * response types.
 *
 * <p>Words used here, after RFC 9112:
 * <ul>
 *   <li><b>origin</b>: the {@code host:port} a request goes to;</li>
 *   <li><b>connection</b>: one TCP connection (or TLS over one) to an origin, shared only by
 *       requests through the same dialer, carrying one <b>exchange</b> (a request
 *       and its response) at a time, never pipelined; it is <b>persistent</b> (kept for the next
 *       exchange) unless the response says {@code Connection: close}, comes from an HTTP/1.0
 *       server without {@code Connection: keep-alive}, or has a body delimited by the end of the
 *       connection;</li>
 *   <li><b>pool</b>: the idle persistent connections of each origin, taken most recently used
 *       first; one that has been idle too long is closed rather than reused;</li>
 *   <li><b>framing</b>: how the end of a body is found: {@code Content-Length}, {@code chunked}
 *       transfer coding, or the end of the connection;</li>
 *   <li><b>stale</b>: a pooled connection the server closed while it was idle; a request that
 *       finds its connection stale before any byte of the response arrived is sent again, once,
 *       on a new connection.</li>
 * </ul>
 *
 * <p>Exchanges run on shared daemon threads with blocking socket I/O: a thread writes the request,
 * reads the response into the caller's body subscriber, puts the connection back in the pool and
 * completes the caller's future. Proxies are not supported: the reader keeps the JDK client where
 * the default {@link java.net.ProxySelector} names one.
 */
package org.cogcube.io.http1;
