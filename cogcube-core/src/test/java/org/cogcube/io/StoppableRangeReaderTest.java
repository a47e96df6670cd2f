package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Until stopped it reads like any reader; once stopped it sends nothing and abandons what is in flight. */
class StoppableRangeReaderTest extends RangeReaderContractTest {

    @Override
    protected RangeReader create(byte[] content) {
        return new StoppableRangeReader(new MemoryRangeReader("memory:stoppable", content), new CompletableFuture<>());
    }

    /** A reader whose reads stay in flight until the test completes them. */
    private static final class Pending extends ForwardingRangeReader {
        final AtomicInteger calls = new AtomicInteger();
        final CompletableFuture<List<ByteBuffer>> running = new CompletableFuture<>();

        Pending() {
            super(new MemoryRangeReader("memory:pending", bytes(100, 1)));
        }

        @Override
        public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
            calls.incrementAndGet();
            return running;
        }
    }

    @Test
    void abandonsAReadInFlightAndSendsNoneAfter() {
        Pending inner = new Pending();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        RangeReader reader = new StoppableRangeReader(inner, stop);
        CompletableFuture<List<ByteBuffer>> inFlight = reader.read(List.of(ByteRange.of(0, 10)));
        stop.complete(null);
        assertTrue(inFlight.isCompletedExceptionally(), "abandoned at once");
        assertTrue(inner.running.isCancelled(), "the inner read is cancelled");
        CompletableFuture<List<ByteBuffer>> after = reader.read(List.of(ByteRange.of(10, 10)));
        Throwable failure = after.handle((v, f) -> f).join();
        assertInstanceOf(CancellationException.class, failure);
        assertTrue(failure.getMessage().contains("memory:pending"), failure.getMessage());
        assertEquals(1, inner.calls.get(), "nothing read after the stop");
    }
}
