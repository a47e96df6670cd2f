package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cogcube.SourceChangedException;
import org.cogcube.io.ByteRange;
import org.cogcube.io.ForwardingRangeReader;
import org.cogcube.io.RangeReader;

/**
 * A reader that fails with {@link SourceChangedException} when its source's version is not the
 * one a cached header was read at, and then drops that header from the cache: bytes of a new
 * version must never be decoded with an old header.
 */
final class VersionCheckingReader extends ForwardingRangeReader {
    private final String expected;
    private final HeaderCache cache;

    VersionCheckingReader(RangeReader inner, String expected, HeaderCache cache) {
        super(inner);
        this.expected = expected;
        this.cache = cache;
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        return inner.read(ranges).thenCompose(buffers -> inner.version().thenApply(found -> {
            check(found);
            return buffers;
        }));
    }

    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        List<CompletableFuture<ByteBuffer>> each = new ArrayList<>(ranges.size());
        for (CompletableFuture<ByteBuffer> read : inner.readEach(ranges)) {
            each.add(read.thenCompose(buffer -> inner.version().thenApply(found -> {
                check(found);
                return buffer;
            })));
        }
        return each;
    }

    private void check(Optional<String> found) {
        if (found.isPresent() && !found.get().equals(expected)) {
            cache.invalidate(inner.location());
            throw new SourceChangedException(inner.location(), expected, found.get());
        }
    }
}
