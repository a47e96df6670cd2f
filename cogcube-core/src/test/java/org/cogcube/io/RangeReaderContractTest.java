package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cogcube.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link RangeReader} contract, run against every implementation by a subclass that says how to
 * make a reader of given bytes.
 */
@Timeout(60)
abstract class RangeReaderContractTest {
    private final List<RangeReader> opened = new ArrayList<>();

    /** A reader of a new source holding exactly {@code content}. */
    protected abstract RangeReader create(byte[] content) throws Exception;

    private RangeReader reader(byte[] content) throws Exception {
        RangeReader reader = create(content);
        opened.add(reader);
        return reader;
    }

    @AfterEach
    void closeReaders() {
        opened.forEach(RangeReader::close);
    }

    @Test
    void readsRangesInTheOrderAsked() throws Exception {
        byte[] content = bytes(100_000, 1);
        List<ByteRange> ranges = List.of(ByteRange.of(5000, 100), ByteRange.of(0, 10), ByteRange.of(99_990, 10),
                ByteRange.of(5000, 100), ByteRange.of(5050, 200), ByteRange.of(12_345, 1));
        assertContents(content, ranges, await(reader(content).read(ranges)));
    }

    @Test
    void readsOneRangeByItself() throws Exception {
        byte[] content = bytes(3000, 2);
        ByteBuffer buffer = await(reader(content).read(ByteRange.of(1000, 1500)));
        assertContent(content, ByteRange.of(1000, 1500), buffer);
    }

    @Test
    void cutsRangesRunningPastTheEnd() throws Exception {
        byte[] content = bytes(1000, 3);
        List<ByteBuffer> buffers = await(reader(content).read(List.of(ByteRange.of(900, 16_384),
                ByteRange.of(0, 16_384), ByteRange.of(999, 2))));
        assertContent(content, ByteRange.of(900, 100), buffers.get(0));
        assertContent(content, ByteRange.of(0, 1000), buffers.get(1));
        assertContent(content, ByteRange.of(999, 1), buffers.get(2));
    }

    @Test
    void failsARangeStartingAtTheEnd() throws Exception {
        RangeReader reader = reader(bytes(1000, 4));
        SourceException e = failure(reader.read(List.of(ByteRange.of(0, 10), ByteRange.of(1000, 10))));
        assertNamesTheSource(reader, e);
    }

    @Test
    void failsARangeStartingPastTheEnd() throws Exception {
        RangeReader reader = reader(bytes(1000, 5));
        SourceException e = failure(reader.read(List.of(ByteRange.of(5000, 1))));
        assertNamesTheSource(reader, e);
        assertTrue(e.getMessage().contains("5000"), e.getMessage());
    }

    @Test
    void readsEmptyRangesUpToTheEnd() throws Exception {
        byte[] content = bytes(1000, 6);
        List<ByteRange> ranges = List.of(ByteRange.of(0, 0), ByteRange.of(500, 0), ByteRange.of(1000, 0));
        assertContents(content, ranges, await(reader(content).read(ranges)));
    }

    @Test
    void failsAnEmptyRangePastTheEnd() throws Exception {
        RangeReader reader = reader(bytes(1000, 7));
        assertNamesTheSource(reader, failure(reader.read(List.of(ByteRange.of(1001, 0)))));
    }

    @Test
    void readsNoRangesAtAll() throws Exception {
        assertEquals(List.of(), await(reader(bytes(10, 8)).read(List.of())));
    }

    @Test
    void readsTheWholeSourceAndItsLastByte() throws Exception {
        byte[] content = bytes(65_537, 9);
        List<ByteRange> ranges = List.of(ByteRange.of(0, content.length), ByteRange.of(content.length - 1, 1));
        assertContents(content, ranges, await(reader(content).read(ranges)));
    }

    @Test
    void reportsItsSize() throws Exception {
        assertEquals(12_345L, await(reader(bytes(12_345, 10)).size()));
    }

    @Test
    void readsAnEmptySource() throws Exception {
        RangeReader reader = reader(new byte[0]);
        assertEquals(0L, await(reader.size()));
        assertEquals(0, await(reader.read(ByteRange.of(0, 0))).remaining());
        assertNamesTheSource(reader, failure(reader.read(List.of(ByteRange.of(0, 16_384)))));
    }

    @Test
    void servesConcurrentCalls() throws Exception {
        byte[] content = bytes(300_000, 11);
        RangeReader reader = reader(content);
        Random random = new Random(12);
        List<List<ByteRange>> calls = new ArrayList<>();
        List<CompletableFuture<List<ByteBuffer>>> results = new ArrayList<>();
        for (int call = 0; call < 48; call++) {
            List<ByteRange> ranges = randomRanges(random, content.length, 6, 20_000);
            calls.add(ranges);
            results.add(reader.read(ranges));
        }
        for (int call = 0; call < calls.size(); call++) {
            assertContents(content, calls.get(call), await(results.get(call)));
        }
    }

    @Test
    void readsLargeRanges() throws Exception {
        byte[] content = bytes(12 << 20, 13);
        List<ByteRange> ranges = List.of(ByteRange.of(0, content.length), ByteRange.of(3 << 20, 5 << 20));
        assertContents(content, ranges, await(reader(content).read(ranges)));
    }

    @Test
    void matchesTheSourceForRandomRanges() throws Exception {
        byte[] content = bytes(200_000, 14);
        RangeReader reader = reader(content);
        Random random = new Random(15);
        for (int round = 0; round < 5; round++) {
            List<ByteRange> ranges = randomRanges(random, content.length + 5000, 60, 9000).stream()
                    .map(r -> r.offset() < content.length ? r : ByteRange.of(r.offset() - 5000, r.length()))
                    .toList();
            assertContents(content, ranges, await(reader.read(ranges)));
        }
    }

    @Test
    void keepsOneVersionWhileTheSourceIsUnchanged() throws Exception {
        byte[] content = bytes(5000, 16);
        RangeReader reader = reader(content);
        Optional<String> before = await(reader.version());
        await(reader.read(List.of(ByteRange.of(0, 100), ByteRange.of(4000, 2000))));
        assertEquals(before, await(reader.version()));
        assertNotNull(reader.location());
    }

    @Test
    void readsEachRangeAsTheWholeCallDoes() throws Exception {
        byte[] content = bytes(200_000, 17);
        RangeReader reader = reader(content);
        List<ByteRange> ranges = new ArrayList<>(randomRanges(new Random(18), content.length, 40, 9000));
        ranges.add(ByteRange.of(content.length - 10, 16_384));
        ranges.add(ByteRange.of(content.length, 0));
        ranges.add(ranges.get(0));
        List<CompletableFuture<ByteBuffer>> each = reader.readEach(ranges);
        assertEquals(ranges.size(), each.size(), "one future per range");
        List<ByteBuffer> buffers = new ArrayList<>();
        for (CompletableFuture<ByteBuffer> future : each) {
            buffers.add(await(future));
        }
        assertContents(content, ranges, buffers);
        assertEquals(List.of(), reader.readEach(List.of()));
    }

    @Test
    void failsTheRangeThatFailsWhenReadingEach() throws Exception {
        RangeReader reader = reader(bytes(1000, 19));
        List<CompletableFuture<ByteBuffer>> each = reader.readEach(List.of(ByteRange.of(0, 10),
                ByteRange.of(1000, 10), ByteRange.of(5000, 1)));
        assertNamesTheSource(reader, failure(each.get(1)));
        assertNamesTheSource(reader, failure(each.get(2)));
    }

    // --- helpers, also used by the tests of single implementations

    static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static List<ByteRange> randomRanges(Random random, int size, int count, int maxLength) {
        List<ByteRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ranges.add(ByteRange.of(random.nextInt(size), random.nextInt(maxLength)));
        }
        return ranges;
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, found " + e.getCause(), e.getCause());
        }
    }

    /** The failure a future completed with, which must be a {@link SourceException}. */
    static SourceException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(SourceException.class, Ranges.unwrap(e.getCause()), "the failure");
    }

    static void assertNamesTheSource(RangeReader reader, SourceException e) {
        assertEquals(reader.location(), e.location());
        assertNotNull(e.range(), "the failing range");
        assertTrue(e.getMessage().contains(reader.location()), e.getMessage());
    }

    static void assertContents(byte[] content, List<ByteRange> ranges, List<ByteBuffer> buffers) {
        assertEquals(ranges.size(), buffers.size(), "one buffer per range");
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange r = ranges.get(i);
            assertContent(content, Ranges.cut(r, content.length), buffers.get(i));
        }
    }

    static void assertContent(byte[] content, ByteRange range, ByteBuffer buffer) {
        assertEquals(0, buffer.position(), "position of the buffer for " + range);
        assertEquals(range.length(), buffer.remaining(), "bytes for " + range);
        byte[] found = new byte[buffer.remaining()];
        buffer.duplicate().get(found);
        byte[] expected = java.util.Arrays.copyOfRange(content, (int) range.offset(), (int) range.end());
        assertArrayEquals(expected, found, "content of " + range);
    }
}
