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
        return inner.version().thenCompose(version -> inner.size().thenCompose(
                size -> read(ranges, version.orElse(unversioned), size)));
    }




    @Override
    public String toString() {
        return "Caching(" + inner + ")";
    }

    private CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges, String version, long size) {
        String location = location();
        List<ByteRange> cut = new ArrayList<>(ranges.size());
        Map<Long, CompletableFuture<byte[]>> blocks = new LinkedHashMap<>();
        int blockSize = cache.blockSize();
        for (ByteRange range : ranges) {
            if (Ranges.startsPastEnd(range, size)) {
                return CompletableFuture.failedFuture(Ranges.pastEnd(location, range, size));
            }
            ByteRange c = Ranges.cut(range, size);
            try {
                Ranges.bufferLength(location, c);
            } catch (SourceException e) {
                return CompletableFuture.failedFuture(e);
            }
            cut.add(c);
            for (long b = c.offset() / blockSize; b * blockSize < c.end(); b++) {
                blocks.putIfAbsent(b, null);
            }
        }
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
        List<CompletableFuture<byte[]>> waits = new ArrayList<>(blocks.values());
        return Ranges.all(waits).thenApply(loaded -> assemble(cut, blocks, blockSize));
    }

    private void load(List<ByteRange> ranges, List<BlockCache.Key> keys, List<CompletableFuture<byte[]>> futures) {
        CompletableFuture<List<ByteBuffer>> reading;
        try {
            reading = inner.read(ranges);
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        reading.whenComplete((buffers, failure) -> {
            for (int i = 0; i < ranges.size(); i++) {
                BlockCache.Key key = keys.get(i);
                CompletableFuture<byte[]> future = futures.get(i);
                try {
                    byte[] block = failure == null ? block(ranges.get(i), buffers.get(i)) : null;
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
            }
        });
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

    private static List<ByteBuffer> assemble(List<ByteRange> ranges, Map<Long, CompletableFuture<byte[]>> blocks,
            int blockSize) {
        List<ByteBuffer> out = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
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
            out.add(buffer.flip());
        }
        return out;
    }
}
