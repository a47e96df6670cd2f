/**
 * A small HTTP/2 client, enough for {@code GET} and {@code HEAD}, over cleartext connections with
 * prior knowledge (h2c, RFC 9113 section 3.3), where the JDK's HttpClient can only offer an
 * HTTP/1.1 upgrade, and over TLS where ALPN chose h2 (its connections opened by an
 * {@link org.cogcube.io.net.Dialer}): what {@link org.cogcube.io.HttpRangeReader} uses for both. Its one public type,
 * {@link org.cogcube.io.http2.H2cClient}, takes and returns the JDK client's request and response
 * types.
 *
 * <p>Words used here, after RFC 9113 and RFC 7541:
 * <ul>
 *   <li><b>connection</b>: one TCP connection (or TLS over one) to an <b>origin</b>
 *       ({@code host:port}), shared by every request to it through the same dialer; it opens with the client's <b>preface</b> and a SETTINGS exchange;</li>
 *   <li><b>frame</b>: the unit sent on a connection, a 9-byte header (length, type, flags, stream)
 *       and a payload of at most the receiver's SETTINGS_MAX_FRAME_SIZE;</li>
 *   <li><b>stream</b>: one request and its response, numbered by odd identifiers the client
 *       chooses in increasing order; many are open at once, up to the server's
 *       SETTINGS_MAX_CONCURRENT_STREAMS, the others <b>queued</b>;</li>
 *   <li><b>header block</b>: a request's or response's header fields, HPACK-encoded, sent in one
 *       HEADERS frame and any CONTINUATION frames that follow it;</li>
 *   <li><b>HPACK</b>: the header compression of RFC 7541: fields are literals or indexes into the
 *       static table and a per-connection <b>dynamic table</b> that each header block may change,
 *       strings plain or <b>Huffman</b>-coded;</li>
 *   <li><b>window</b>: how many DATA bytes the receiver lets the sender send ahead, per stream and
 *       per connection (flow control); WINDOW_UPDATE gives bytes back as they are consumed;</li>
 *   <li><b>reset</b>: RST_STREAM, which ends one stream; <b>GOAWAY</b> ends a connection, saying
 *       the last stream the server will process; a <b>connection error</b> fails every stream.</li>
 * </ul>
 */
package org.cogcube.io.http2;
