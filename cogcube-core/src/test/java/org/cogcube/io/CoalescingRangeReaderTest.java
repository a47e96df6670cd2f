package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract through coalescing over the faulty reader's odd buffers, and the merge plan's arithmetic. */
class CoalescingRangeReaderTest extends RangeReaderContractTest {
    @Override
    protected RangeReader create(byte[] content) {
        return new CoalescingRangeReader(new FaultyRangeReader(new MemoryRangeReader("memory:coalesced", content), 0, 5),
                1000, 64_000);
    }

    private static List<ByteRange> reads(long maxGap, long maxLength, ByteRange... ranges) {
        return CoalescePlan.of(List.of(ranges), maxGap, maxLength).reads();
    }

    @Test
    void mergesRangesCloserThanTheGap() {
        assertEquals(List.of(ByteRange.of(0, 300)),
                reads(100, 10_000, ByteRange.of(200, 100), ByteRange.of(0, 100), ByteRange.of(150, 20)));
    }

    @Test
    void keepsRangesFartherApartThanTheGap() {
        assertEquals(List.of(ByteRange.of(0, 100), ByteRange.of(201, 100)),
                reads(100, 10_000, ByteRange.of(0, 100), ByteRange.of(201, 100)));
    }

    @Test
    void mergesOverlapsAndDuplicates() {
        assertEquals(List.of(ByteRange.of(0, 150)),
                reads(0, 10_000, ByteRange.of(0, 100), ByteRange.of(50, 100), ByteRange.of(0, 100)));
    }

    @Test
    void neverMergesBeyondTheMaximumLength() {
        assertEquals(List.of(ByteRange.of(0, 200), ByteRange.of(200, 100)),
                reads(10, 250, ByteRange.of(0, 100), ByteRange.of(100, 100), ByteRange.of(200, 100)));
    }

    @Test
    void keepsALongRangeWhole() {
        assertEquals(List.of(ByteRange.of(0, 10), ByteRange.of(10, 5000)),
                reads(10, 100, ByteRange.of(0, 10), ByteRange.of(10, 5000)));
    }

    @Test
    void readsMergedRangesInOneRequest() throws Exception {
        byte[] content = bytes(100_000, 1);
        CountingRangeReader counting = new CountingRangeReader(new MemoryRangeReader("m", content));
        RangeReader reader = new CoalescingRangeReader(counting, 4096, 1 << 20);
        List<ByteRange> ranges = List.of(ByteRange.of(50_000, 100), ByteRange.of(0, 1000), ByteRange.of(2000, 1000),
                ByteRange.of(4000, 10), ByteRange.of(50_200, 100));
        assertContents(content, ranges, await(reader.read(ranges)));
        assertEquals(2, counting.ranges());
        assertEquals(4010 + 300, counting.bytes());
    }

    @Test
    void failsARangePastTheEndOfAMergedRead() throws Exception {
        RangeReader reader = create(bytes(1000, 2));
        assertNamesTheSource(reader, failure(reader.read(List.of(ByteRange.of(900, 50), ByteRange.of(1200, 10)))));
    }
}
