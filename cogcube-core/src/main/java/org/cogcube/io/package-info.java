/**
 * The one asynchronous byte seam everything reads through, and the decorators that add
 * behaviour around it.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>source</b>: a sequence of bytes with a location (a file path or a URL);</li>
 *   <li><b>range</b>: a {@link org.cogcube.io.ByteRange}, an offset and a length within a source;
 *       a range running past the end of the source is <b>cut</b> at the end, one starting past it
 *       fails;</li>
 *   <li><b>version</b>: what identifies the content of a source (an HTTP strong ETag, else its
 *       Last-Modified and size; a file's size, modification time and identity on disk); a read that
 *       finds another version than the one first seen fails with
 *       {@link org.cogcube.SourceChangedException};</li>
 *   <li><b>block</b>: a fixed-size, aligned piece of a source, the unit a
 *       {@link org.cogcube.io.BlockCache} keeps (the last block of a source may be shorter);</li>
 *   <li><b>gap</b>: the bytes between two ranges; ranges closer than a gap threshold are
 *       <b>coalesced</b>, read as one and split back;</li>
 *   <li><b>attempt</b>: one try at a read; a <b>retryable</b> failure (HTTP 408, 429, 5xx, an I/O
 *       error, a timeout, a truncated body) may pass on a later attempt, others never will.</li>
 * </ul>
 *
 * <p>A {@link org.cogcube.io.RangeReader} reads many ranges at once and completes
 * asynchronously. Two read sources: {@link org.cogcube.io.FileRangeReader} (positional reads on
 * shared threads) and {@link org.cogcube.io.HttpRangeReader} (one {@code GET} with {@code Range}
 * per range, configured by {@link org.cogcube.io.HttpOptions}). The reader's <b>transport</b> sends
 * a request and collects its response: cogcube's own clients, for HTTP/1.1
 * ({@code org.cogcube.io.http1}) and HTTP/2 ({@code org.cogcube.io.http2}: over cleartext with
 * prior knowledge, h2c, or over TLS where ALPN chooses h2), over connections that
 * {@code org.cogcube.io.net} opens; through a proxy or when asked, the JDK's HttpClient. Every
 * response is checked the same way whichever sent it.
 * Caching ({@link org.cogcube.io.CachingRangeReader}),
 * coalescing ({@link org.cogcube.io.CoalescingRangeReader}), retries
 * ({@link org.cogcube.io.RetryingRangeReader}, {@link org.cogcube.io.RetryPolicy}), counting
 * ({@link org.cogcube.io.CountingRangeReader}) and <b>stopping</b> (no read sent once a signal
 * completes, reads in flight abandoned: {@link org.cogcube.io.StoppableRangeReader}) are
 * decorators around any reader, never flags
 * inside one. {@link org.cogcube.io.RangeReaders#open(String)} picks and wraps the right reader
 * for a path or URL.
 */
package org.cogcube.io;
