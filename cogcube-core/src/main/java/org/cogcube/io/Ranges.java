package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.cogcube.SourceException;

/** The rules of the {@link RangeReader} contract that every implementation applies the same way. */
final class Ranges {
    private Ranges() {
    }

    /** Whether {@code range} starts past the end of a source of {@code size} bytes (see the contract). */
    static boolean startsPastEnd(ByteRange range, long size) {
        return range.length() == 0 ? range.offset() > size : range.offset() >= size;
    }

    /** {@code range} cut at the end of a source of {@code size} bytes; it must not start past the end. */
    static ByteRange cut(ByteRange range, long size) {
        return range.end() <= size ? range : new ByteRange(range.offset(), size - range.offset());
    }

    /** The failure for a range that starts past the end of the source. */
    static SourceException pastEnd(String location, ByteRange range, long size) {
        return new SourceException(location, range.toString(), "expected a range starting before the end of the "
                + size + "-byte source, found one starting at byte " + range.offset(), null);
    }

    /** The range as a buffer length, or a failure when no buffer can hold it. */
    static int bufferLength(String location, ByteRange range) {
        if (range.length() > Integer.MAX_VALUE) {
            throw new SourceException(location, range.toString(), "expected at most " + Integer.MAX_VALUE
                    + " bytes in one range (what a buffer holds), found " + range.length(), null);
        }
        return (int) range.length();
    }

    /** All the futures' values in order, or the first failure (unwrapped). */
    static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<T> values = new ArrayList<>(futures.size());
            for (CompletableFuture<T> f : futures) {
                values.add(f.join());
            }
            return values;
        });
    }

    /** The failure inside the wrappers that futures add. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A failed future for a failure thrown while starting an operation. */
    static <T> CompletableFuture<T> failed(Throwable t) {
        return CompletableFuture.failedFuture(unwrap(t));
    }

    /** An empty heap buffer. */
    static ByteBuffer empty() {
        return ByteBuffer.allocate(0);
    }
}
