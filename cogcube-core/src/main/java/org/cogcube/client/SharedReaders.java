package org.cogcube.client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cogcube.io.ByteRange;
import org.cogcube.io.ForwardingRangeReader;
import org.cogcube.io.RangeReader;

/**
 * One reader per location for a run of many queries over the same files (a field after another):
 * each location is opened once, so its size and version are asked for once rather than once per
 * query, and closing what a query was given leaves it open for the next. {@link #close()} closes
 * them all. Thread-safe.
 */
final class SharedReaders implements Function<String, RangeReader>, AutoCloseable {
    private final Function<String, RangeReader> open;
    private final Map<String, RangeReader> readers = new ConcurrentHashMap<>();

    SharedReaders(Function<String, RangeReader> open) {
        this.open = open;
    }

    @Override
    public RangeReader apply(String location) {
        return new Lease(readers.computeIfAbsent(location, open));
    }

    @Override
    public void close() {
        List<RangeReader> all = new ArrayList<>(readers.values());
        readers.clear();
        all.forEach(RangeReader::close);
    }

    /** A shared reader whose {@code close} leaves it open. */
    private static final class Lease extends ForwardingRangeReader {
        Lease(RangeReader shared) {
            super(shared);
        }

        @Override
        public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
            return inner.read(ranges);
        }

        @Override
        public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
            return inner.readEach(ranges);
        }

        @Override
        public void close() {
        }
    }
}
