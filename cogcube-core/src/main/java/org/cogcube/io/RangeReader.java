package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous byte seam: reads ranges of one source.
 *
 * <p>Contract, shared by every implementation and checked by one contract test suite
 * ({@code RangeReaderContractTest}):
 * <ul>
 *   <li>{@link #read(List)} returns one buffer per range, in the order asked (ranges may be
 *       unsorted, overlap or repeat), each positioned at zero with {@code remaining()} equal to
 *       the range's length, except that a range running past the end of the source is cut at the
 *       end (so a caller can ask for "the first 16 KiB" of a smaller file).</li>
 *   <li>A non-empty range starting at or past the end of the source fails. An empty range gives
 *       an empty buffer when it starts at or before the end, and fails past it.</li>
 *   <li>The buffers are the caller's to read, never to write into: they may be read-only or
 *       direct, and buffers of overlapping ranges may share memory. A range longer than a buffer
 *       can hold ({@link Integer#MAX_VALUE} bytes, once cut at the end) fails.</li>
 *   <li>Failures complete the future exceptionally with a {@link org.cogcube.SourceException}
 *       naming the location and the range (or a {@link org.cogcube.SourceChangedException} when
 *       the source's version changed since the first read). If any range of a call fails, the
 *       call fails.</li>
 *   <li>{@link #readEach(List)} reads as {@link #read(List)} does, with one future per range: a
 *       range's future gives the same buffer, or fails when that range fails.</li>
 *   <li>Every range of one call may be in flight at the same time; implementations are
 *       thread-safe.</li>
 * </ul>
 */
public interface RangeReader extends AutoCloseable {

    /** The path or URL read, for messages and cache keys. */
    String location();

    /** Reads the given ranges; see the class contract. */
    CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges);

    /**
     * Reads the given ranges as {@link #read(List)} does, with one future per range in the order
     * asked, so that a caller can use each range's bytes as soon as they are there; a range's
     * future fails when that range fails (the others may still succeed). The default completes
     * them all together, when {@link #read(List)} does; a reader that fetches ranges separately
     * completes each on its own, and a decorator passes that on.
     */
    default List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        CompletableFuture<List<ByteBuffer>> all = read(ranges);
        List<CompletableFuture<ByteBuffer>> each = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            int index = i;
            each.add(all.thenApply(buffers -> buffers.get(index)));
        }
        return each;
    }

    /** The size of the source in bytes (may need a request the first time). */
    CompletableFuture<Long> size();

    /**
     * The version of the source this reader reads (an HTTP strong ETag, or a file's size and
     * modification time), empty when the source offers none. It is fixed by the first read or
     * request (and may need one); a source found with another version later fails reads with
     * {@link org.cogcube.SourceChangedException}. The default knows no version.
     */
    default CompletableFuture<Optional<String>> version() {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * The version if it is known without a request (a local file's, or the one an earlier answer
     * gave), else empty; never sends one. The default knows none.
     */
    default Optional<String> knownVersion() {
        return Optional.empty();
    }

    /** Reads one range. */
    default CompletableFuture<ByteBuffer> read(ByteRange range) {
        return read(List.of(range)).thenApply(buffers -> buffers.get(0));
    }

    /** Releases what the reader holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
