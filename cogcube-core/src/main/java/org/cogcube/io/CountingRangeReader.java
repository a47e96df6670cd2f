package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what passes through to the reader it wraps: calls, ranges and bytes (for tests and benchmarks). */
public final class CountingRangeReader extends ForwardingRangeReader {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong ranges = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong sizeCalls = new AtomicLong();

    public CountingRangeReader(RangeReader inner) {
        super(inner);
    }

    /** Calls of {@link #read(List)} and {@link #readEach(List)} (one-range reads included). */
    public long calls() {
        return calls.get();
    }

    /** Ranges asked for, over all calls: for an HTTP reader, the requests made. */
    public long ranges() {
        return ranges.get();
    }

    /** Bytes returned by successful reads. */
    public long bytes() {
        return bytes.get();
    }

    /** Calls of {@link #size()}. */
    public long sizeCalls() {
        return sizeCalls.get();
    }

    /** Sets every count back to zero. */
    public void reset() {
        calls.set(0);
        ranges.set(0);
        bytes.set(0);
        sizeCalls.set(0);
    }


    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> asked) {
        calls.incrementAndGet();
        ranges.addAndGet(asked.size());
        return inner.read(asked).thenApply(buffers -> {
            long n = 0;
            for (ByteBuffer b : buffers) {
                n += b.remaining();
            }
            bytes.addAndGet(n);
            return buffers;
        });
    }

    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> asked) {
        calls.incrementAndGet();
        ranges.addAndGet(asked.size());
        List<CompletableFuture<ByteBuffer>> each = new ArrayList<>(asked.size());
        for (CompletableFuture<ByteBuffer> read : inner.readEach(asked)) {
            each.add(read.thenApply(buffer -> {
                bytes.addAndGet(buffer.remaining());
                return buffer;
            }));
        }
        return each;
    }

    @Override
    public CompletableFuture<Long> size() {
        sizeCalls.incrementAndGet();
        return inner.size();
    }



    @Override
    public String toString() {
        return "Counting(" + inner + ")";
    }
}
