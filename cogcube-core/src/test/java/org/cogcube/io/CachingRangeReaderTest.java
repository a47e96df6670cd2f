package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The contract through a small cache over the faulty reader, and what the cache shares and never serves. */
class CachingRangeReaderTest extends RangeReaderContractTest {
    @Override
    protected RangeReader create(byte[] content) {
        return new CachingRangeReader(new FaultyRangeReader(new MemoryRangeReader("memory:cached", content), 0, 9),
                new BlockCache(4 << 20, 4096));
    }

    @Test
    void readsEachBlockOnce() throws Exception {
        byte[] content = bytes(100_000, 1);
        CountingRangeReader counting = new CountingRangeReader(new MemoryRangeReader("m", content));
        RangeReader reader = new CachingRangeReader(counting, new BlockCache(1 << 20, 1000));
        assertContents(content, List.of(ByteRange.of(500, 2000)), await(reader.read(List.of(ByteRange.of(500, 2000)))));
        assertEquals(3, counting.ranges(), "blocks 0, 1 and 2");
        List<ByteRange> again = List.of(ByteRange.of(0, 3000), ByteRange.of(1500, 10));
        assertContents(content, again, await(reader.read(again)));
        assertEquals(3, counting.ranges(), "no block read twice");
    }

    @Test
    void sharesBlocksBetweenReadersOfOneVersion() throws Exception {
        byte[] content = bytes(10_000, 2);
        BlockCache cache = new BlockCache(1 << 20, 1024);
        CountingRangeReader first = new CountingRangeReader(new MemoryRangeReader("m", content, "v1"));
        CountingRangeReader second = new CountingRangeReader(new MemoryRangeReader("m", content, "v1"));
        await(new CachingRangeReader(first, cache).read(ByteRange.of(0, 5000)));
        assertContent(content, ByteRange.of(100, 4000), await(new CachingRangeReader(second, cache).read(ByteRange.of(100, 4000))));
        assertEquals(0, second.ranges());
    }

    @Test
    void neverServesAnotherVersionsBytes() throws Exception {
        BlockCache cache = new BlockCache(1 << 20, 1024);
        byte[] before = bytes(5000, 3);
        byte[] after = bytes(5000, 4);
        await(new CachingRangeReader(new MemoryRangeReader("m", before, "v1"), cache).read(ByteRange.of(0, 5000)));
        RangeReader changed = new CachingRangeReader(new MemoryRangeReader("m", after, "v2"), cache);
        assertContent(after, ByteRange.of(0, 5000), await(changed.read(ByteRange.of(0, 5000))));
    }

    @Test
    void keepsUnversionedSourcesToTheirReader() throws Exception {
        BlockCache cache = new BlockCache(1 << 20, 1024);
        byte[] before = bytes(3000, 5);
        byte[] after = bytes(3000, 6);
        await(new CachingRangeReader(new MemoryRangeReader("m", before, null), cache).read(ByteRange.of(0, 3000)));
        RangeReader other = new CachingRangeReader(new MemoryRangeReader("m", after, null), cache);
        assertContent(after, ByteRange.of(0, 3000), await(other.read(ByteRange.of(0, 3000))));
    }

    @Test
    void staysWithinItsBudget() throws Exception {
        byte[] content = bytes(100_000, 7);
        BlockCache cache = new BlockCache(10_000, 1000);
        CountingRangeReader counting = new CountingRangeReader(new MemoryRangeReader("m", content));
        RangeReader reader = new CachingRangeReader(counting, cache);
        await(reader.read(ByteRange.of(0, 50_000)));
        assertEquals(10_000, cache.usedBytes());
        counting.reset();
        await(reader.read(ByteRange.of(45_000, 5000)));
        assertEquals(0, counting.ranges(), "the most recent blocks stayed");
        await(reader.read(ByteRange.of(0, 1000)));
        assertEquals(1, counting.ranges(), "the oldest went first");
    }

    @Test
    void readsABlockOnceForConcurrentCallers() throws Exception {
        byte[] content = bytes(64_000, 8);
        CountingRangeReader counting = new CountingRangeReader(
                new FaultyRangeReader(new MemoryRangeReader("m", content), 0, 10));
        RangeReader reader = new CachingRangeReader(counting, new BlockCache(1 << 20, 64_000));
        List<CompletableFuture<ByteBuffer>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reads.add(reader.read(ByteRange.of(i * 100, 100)));
        }
        for (int i = 0; i < 20; i++) {
            assertContent(content, ByteRange.of(i * 100, 100), await(reads.get(i)));
        }
        assertEquals(1, counting.ranges());
    }

    @Test
    void doesNotCacheFailures() throws Exception {
        byte[] content = bytes(2000, 9);
        CountingRangeReader counting = new CountingRangeReader(new FaultyRangeReader(new MemoryRangeReader("m", content), 1, 11));
        RangeReader reader = new CachingRangeReader(counting, new BlockCache(1 << 20, 1000));
        // the faulty reader fails its first size request, then its first read of the block
        assertTrue(failure(reader.read(List.of(ByteRange.of(0, 10)))).getMessage().contains("503"));
        assertTrue(failure(reader.read(List.of(ByteRange.of(0, 10)))).getMessage().contains("503"));
        assertContent(content, ByteRange.of(0, 10), await(reader.read(ByteRange.of(0, 10))));
    }
}
