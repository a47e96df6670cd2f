package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.cogcube.SourceException;

/**
 * Serves ranges from a {@link BlockCache}, reading the blocks it lacks through the reader it wraps
 * (in one call, so a coalescing reader below merges neighbours). The cache is keyed by the
 * source's version; a source without one is cached for this reader alone.
 */
public final class CachingRangeReader extends ForwardingRangeReader {
    private final BlockCache cache;
    private final String unversioned = "unversioned " + UUID.randomUUID();

    public CachingRangeReader(RangeReader inner, BlockCache cache) {
        super(inner);
        this.cache = cache;
    }


    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        if (ranges.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Ranges.all(readEach(ranges));
    }

    /** Each range completes when its blocks are in the cache (the missing ones read in one call). */
    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        CompletableFuture<List<CompletableFuture<ByteBuffer>>> started = inner.version().thenCompose(version ->
                inner.size().thenApply(size -> start(ranges, version.orElse(unversioned), size)));
        List<CompletableFuture<ByteBuffer>> each = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            int index = i;
            each.add(started.thenCompose(reads -> reads.get(index)));
        }
        return each;
    }

    @Override
    public String toString() {
        return "Caching(" + inner + ")";
    }

    /** One future per range: the range's bytes once the blocks it covers are loaded. */
    private List<CompletableFuture<ByteBuffer>> start(List<ByteRange> ranges, String version, long size) {
        String location = location();
        int blockSize = cache.blockSize();
        List<ByteRange> cut = new ArrayList<>(ranges.size());
        List<SourceException> failures = new ArrayList<>(ranges.size());
        Map<Long, CompletableFuture<byte[]>> blocks = new LinkedHashMap<>();
        for (ByteRange range : ranges) {
            try {
                if (Ranges.startsPastEnd(range, size)) {
                    throw Ranges.pastEnd(location, range, size);
                }
                ByteRange c = Ranges.cut(range, size);
                Ranges.bufferLength(location, c);
                for (long b = c.offset() / blockSize; b * blockSize < c.end(); b++) {
                    blocks.putIfAbsent(b, null);
                }
                cut.add(c);
                failures.add(null);
            } catch (SourceException e) {
                cut.add(null);
                failures.add(e);
            }
        }
        claim(blocks, location, version, size);
        List<CompletableFuture<ByteBuffer>> out = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange c = cut.get(i);
            if (c == null) {
                out.add(CompletableFuture.failedFuture(failures.get(i)));
                continue;
            }
            List<CompletableFuture<byte[]>> waits = new ArrayList<>();
            for (long b = c.offset() / blockSize; b * blockSize < c.end(); b++) {
                waits.add(blocks.get(b));
            }
            out.add(Ranges.all(waits).thenApply(loaded -> assemble(c, blocks, blockSize)));
        }
        return out;
    }

    /**
     * Gives every block a future: the cached block, another call's load in flight, or a load of this
     * call (the missing blocks read in one call, so a coalescing reader below merges neighbours).
     */
    private void claim(Map<Long, CompletableFuture<byte[]>> blocks, String location, String version, long size) {
        int blockSize = cache.blockSize();
        List<ByteRange> toRead = new ArrayList<>();
        List<BlockCache.Key> toReadKeys = new ArrayList<>();
        List<CompletableFuture<byte[]>> toComplete = new ArrayList<>();
        for (Map.Entry<Long, CompletableFuture<byte[]>> entry : blocks.entrySet()) {
            long b = entry.getKey();
            BlockCache.Key key = new BlockCache.Key(location, version, b);
            byte[] cached = cache.get(key);
            if (cached != null) {
                entry.setValue(CompletableFuture.completedFuture(cached));
                continue;
            }
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            CompletableFuture<byte[]> theirs = cache.loading().putIfAbsent(key, mine);
            entry.setValue(theirs != null ? theirs : mine);
            if (theirs == null) {
                long start = b * blockSize;
                toRead.add(new ByteRange(start, Math.min(blockSize, size - start)));
                toReadKeys.add(key);
                toComplete.add(mine);
            }
        }
        if (!toRead.isEmpty()) {
            load(toRead, toReadKeys, toComplete);
        }
    }

    private void load(List<ByteRange> ranges, List<BlockCache.Key> keys, List<CompletableFuture<byte[]>> futures) {
        List<CompletableFuture<ByteBuffer>> reading;
        try {
            reading = inner.readEach(ranges);
        } catch (RuntimeException e) {
            reading = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                reading.add(CompletableFuture.failedFuture(e));
            }
        }
        for (int i = 0; i < ranges.size(); i++) {
            BlockCache.Key key = keys.get(i);
            CompletableFuture<byte[]> future = futures.get(i);
            ByteRange range = ranges.get(i);
            reading.get(i).whenComplete((buffer, failure) -> {
                try {
                    byte[] block = failure == null ? block(range, buffer) : null;
                    if (block != null) {
                        cache.put(key, block);
                    }
                    // Out of the loading map before anyone is told: a retry must read again, not wait on this.
                    cache.loading().remove(key, future);
                    if (block != null) {
                        future.complete(block);
                    } else {
                        future.completeExceptionally(Ranges.unwrap(failure));
                    }
                } catch (SourceException e) {
                    cache.loading().remove(key, future);
                    future.completeExceptionally(e);
                }
            });
        }
    }

    /** The bytes of a block read, which must be as long as asked (the range was cut at the end already). */
    private byte[] block(ByteRange range, ByteBuffer read) {
        ByteBuffer buffer = read.duplicate();
        if (buffer.remaining() != range.length()) {
            throw new SourceException(location(), range.toString(), "expected " + range.length() + " bytes from "
                    + inner + ", found " + buffer.remaining(), null);
        }
        byte[] block = new byte[buffer.remaining()];
        buffer.get(block);
        return block;
    }

    private static ByteBuffer assemble(ByteRange range, Map<Long, CompletableFuture<byte[]>> blocks, int blockSize) {
        ByteBuffer buffer = ByteBuffer.allocate((int) range.length());
        long position = range.offset();
        while (position < range.end()) {
            long b = position / blockSize;
            byte[] block = blocks.get(b).join();
            int from = (int) (position - b * blockSize);
            int n = (int) Math.min(block.length - from, range.end() - position);
            buffer.put(block, from, n);
            position += n;
        }
        return buffer.flip();
    }
}
