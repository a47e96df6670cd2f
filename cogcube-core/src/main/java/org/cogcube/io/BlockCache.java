package org.cogcube.io;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blocks of sources kept in memory, least recently used first out once their bytes pass a budget.
 * One cache may serve many {@link CachingRangeReader}s: blocks are keyed by location, version and
 * block number, so readers of one source share them and a changed source (another version) never
 * gets the old bytes.
 */
public final class BlockCache {
    /** A block of a version of a source. */
    record Key(String location, String version, long block) {
    }

    private final long budgetBytes;
    private final int blockSize;
    private final LinkedHashMap<Key, byte[]> blocks = new LinkedHashMap<>(64, 0.75f, true); // guarded by this
    private long usedBytes; // guarded by this
    private final Map<Key, CompletableFuture<byte[]>> loading = new ConcurrentHashMap<>();

    /**
     * @param budgetBytes the most bytes kept
     * @param blockSize the size of the blocks sources are read in, in bytes
     */
    public BlockCache(long budgetBytes, int blockSize) {
        if (budgetBytes < 0 || blockSize < 1) {
            throw new IllegalArgumentException("expected budgetBytes >= 0 and blockSize >= 1, found "
                    + budgetBytes + " and " + blockSize);
        }
        this.budgetBytes = budgetBytes;
        this.blockSize = blockSize;
    }

    public int blockSize() {
        return blockSize;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** The bytes held now. */
    public synchronized long usedBytes() {
        return usedBytes;
    }

    /** Forgets every block. */
    public synchronized void clear() {
        blocks.clear();
        usedBytes = 0;
    }

    synchronized byte[] get(Key key) {
        return blocks.get(key);
    }

    synchronized void put(Key key, byte[] block) {
        if (block.length > budgetBytes) {
            return;
        }
        byte[] previous = blocks.put(key, block);
        usedBytes += block.length - (previous == null ? 0 : previous.length);
        Iterator<byte[]> oldestFirst = blocks.values().iterator();
        while (usedBytes > budgetBytes) {
            usedBytes -= oldestFirst.next().length;
            oldestFirst.remove();
        }
    }

    /** The blocks being read now, so that two readers wanting one block read it once. */
    Map<Key, CompletableFuture<byte[]>> loading() {
        return loading;
    }
}
