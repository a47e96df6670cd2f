package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous byte seam: reads ranges of one source.
 *
 * <p>Contract, shared by every implementation and checked by one contract test suite:
 * <ul>
 *   <li>{@link #read(List)} returns one buffer per range, in the order asked, each positioned at
 *       zero with {@code remaining()} equal to the range's length, except that a range running
 *       past the end of the source is cut at the end (so a caller can ask for "the first 16 KiB"
 *       of a smaller file). A range starting past the end of the source fails.</li>
 *   <li>Failures complete the future exceptionally with a {@link org.cogcube.SourceException}
 *       naming the location and the range (or a {@link org.cogcube.SourceChangedException} when
 *       the source's version changed since the first read).</li>
 *   <li>Every range of one call may be in flight at the same time; implementations are
 *       thread-safe.</li>
 * </ul>
 */
public interface RangeReader extends AutoCloseable {

    /** The path or URL read, for messages and cache keys. */
    String location();

    /** Reads the given ranges; see the class contract. */
    CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges);

    /** The size of the source in bytes (may need a request the first time). */
    CompletableFuture<Long> size();

    /** Reads one range. */
    default CompletableFuture<ByteBuffer> read(ByteRange range) {
        return read(List.of(range)).thenApply(buffers -> buffers.get(0));
    }

    /** Releases what the reader holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
