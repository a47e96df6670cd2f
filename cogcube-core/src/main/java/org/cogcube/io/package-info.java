/**
 * The one asynchronous byte seam everything reads through, and the decorators that add
 * behaviour around it.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>source</b>: a sequence of bytes with a location (a file path or a URL);</li>
 *   <li><b>range</b>: a {@link org.cogcube.io.ByteRange}, an offset and a length within a source;</li>
 *   <li><b>version</b>: what identifies the content of a source (an HTTP strong ETag, or a file's
 *       size and modification time); a read that finds another version than the one first seen
 *       fails with {@link org.cogcube.SourceChangedException}.</li>
 * </ul>
 *
 * <p>A {@link org.cogcube.io.RangeReader} reads many ranges at once and completes
 * asynchronously. Caching, coalescing of close ranges, retries and request counting are
 * decorators around any reader, never flags inside one.
 */
package org.cogcube.io;
