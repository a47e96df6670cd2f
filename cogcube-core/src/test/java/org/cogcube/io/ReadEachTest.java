package org.cogcube.io;

import static org.cogcube.io.RangeReaderContractTest.assertContent;
import static org.cogcube.io.RangeReaderContractTest.await;
import static org.cogcube.io.RangeReaderContractTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decorator passes on per-range completion: a range read through it completes when the
 * read that serves it does, while the call's other ranges are still on their way.
 */
@Timeout(60)
class ReadEachTest {
    private static final byte[] CONTENT = bytes(100_000, 3);

    /** A read asked of the reader below, held until the test releases it. */
    private record Held(ByteRange range, CompletableFuture<Void> gate) {
    }

    /** Holds every range it is asked for until the test releases it. */
    private static final class Holding implements RangeReader {
        final RangeReader inner = new MemoryRangeReader("memory:held", CONTENT);
        final List<Held> held = new CopyOnWriteArrayList<>();

        @Override
        public String location() {
            return inner.location();
        }

        @Override
        public CompletableFuture<Long> size() {
            return inner.size();
        }

        @Override
        public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
            return Ranges.all(readEach(ranges));
        }

        @Override
        public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
            List<CompletableFuture<ByteBuffer>> each = new ArrayList<>();
            for (ByteRange range : ranges) {
                CompletableFuture<Void> gate = new CompletableFuture<>();
                held.add(new Held(range, gate));
                each.add(gate.thenCompose(v -> inner.read(range)));
            }
            return each;
        }

        void releaseReadsStartingBefore(long offset) {
            held.stream().filter(h -> h.range().offset() < offset).forEach(h -> h.gate().complete(null));
        }

        void releaseAll() {
            held.forEach(h -> h.gate().complete(null));
        }
    }

    static Stream<Arguments> decorators() {
        return Stream.of(
                decorator("coalescing", r -> new CoalescingRangeReader(r, 100, 1 << 20)),
                decorator("retrying", r -> new RetryingRangeReader(r, RetryPolicy.defaults())),
                decorator("counting", CountingRangeReader::new),
                decorator("stoppable", r -> new StoppableRangeReader(r, new CompletableFuture<>())),
                decorator("caching", r -> new CachingRangeReader(r, new BlockCache(1 << 20, 1000))),
                decorator("as opened for http, with a cache", r -> new CachingRangeReader(new CoalescingRangeReader(
                        new RetryingRangeReader(r, RetryPolicy.defaults()), 100, 1 << 20),
                        new BlockCache(1 << 20, 1000))));
    }

    private static Arguments decorator(String name, Function<RangeReader, RangeReader> wrap) {
        return Arguments.of(name, wrap);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decorators")
    void aRangeCompletesWhileTheOthersOfItsCallAreOnTheirWay(String name, Function<RangeReader, RangeReader> wrap)
            throws Exception {
        Holding below = new Holding();
        RangeReader reader = wrap.apply(below);
        // The first two are read together by a coalescing reader; the third on its own.
        List<ByteRange> ranges = List.of(ByteRange.of(0, 100), ByteRange.of(150, 50), ByteRange.of(50_000, 100));
        List<CompletableFuture<ByteBuffer>> each = reader.readEach(ranges);

        below.releaseReadsStartingBefore(1000);
        assertContent(CONTENT, ranges.get(0), await(each.get(0)));
        assertContent(CONTENT, ranges.get(1), await(each.get(1)));
        assertFalse(each.get(2).isDone(), "the far range is still held");

        below.releaseAll();
        assertContent(CONTENT, ranges.get(2), await(each.get(2)));
        assertEquals(3, each.size());
    }
}
