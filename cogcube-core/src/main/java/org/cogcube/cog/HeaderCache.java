package org.cogcube.cog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cogcube.io.RangeReaders;
import org.cogcube.tiff.TiffFile;

/**
 * Parsed TIFF headers by location, each with the version (HTTP ETag, or file size and time) it
 * was read at, so that opening the same file again costs no request. A header is trusted only
 * as long as the source's version is the same: the first read through a cached header checks
 * the version, and a change invalidates the entry (see {@link GeoTiff}).
 *
 * <p>It also learns how large the structure of the files of each HTTP origin is, so that the first
 * read of the next file's header asks for little more than that ({@link #prefixFor}) instead of
 * {@link TiffFile#DEFAULT_PREFIX}: a cube's files are alike, and a 1024 x 1024 layer's structure is
 * under 1 KiB where 16 KiB are asked blindly. On a slow link, 150 such files save 2 MB.
 */
public final class HeaderCache {
    private static final HeaderCache SHARED = new HeaderCache(512);

    /** The largest first read a learnt size gives. */
    static final int MAX_LEARNT_PREFIX = 256 * 1024;

    private final int capacity;
    private final Map<String, Entry> entries;
    /** By HTTP origin: the largest {@link TiffFile#headerEnd} seen, and a future completed when one was. */
    private final Map<String, Long> structureEnds = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> learnt = new HashMap<>();

    /** A cached header and the version it was read at. */
    record Entry(String version, TiffFile tiff) {
    }

    public HeaderCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cache {@link GeoTiff#open(String)} uses. */
    public static HeaderCache shared() {
        return SHARED;
    }

    synchronized Optional<Entry> get(String location) {
        return Optional.ofNullable(entries.get(location));
    }

    synchronized void put(String location, String version, TiffFile tiff) {
        entries.put(location, new Entry(version, tiff));
        while (entries.size() > capacity) {
            String eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
    }

    /**
     * The bytes to ask first for the header of a file: {@link TiffFile#DEFAULT_PREFIX} until a file
     * of the same HTTP origin has been parsed, then the largest structure seen there with a quarter
     * more and 512 bytes (rounded up to KiB, at most {@value #MAX_LEARNT_PREFIX}). A file whose
     * structure is larger still parses, with one more request.
     */
    public synchronized int prefixFor(String location) {
        Long end = RangeReaders.httpOrigin(location).map(structureEnds::get).orElse(null);
        if (end == null) {
            return TiffFile.DEFAULT_PREFIX;
        }
        long wanted = (end + end / 4 + 512 + 1023) / 1024 * 1024;
        return (int) Math.max(TiffFile.MIN_PREFIX, Math.min(MAX_LEARNT_PREFIX, wanted));
    }

    /** Whether {@link #prefixFor} knows files of the location's origin (or needs none: not HTTP). */
    public synchronized boolean knowsPrefixFor(String location) {
        return RangeReaders.httpOrigin(location).map(structureEnds::containsKey).orElse(true);
    }

    /**
     * Completes when the structure of a file of the location's origin has been learnt (at once when
     * it is known or the location is not HTTP); never fails.
     */
    public synchronized CompletableFuture<Void> prefixLearnt(String location) {
        Optional<String> origin = RangeReaders.httpOrigin(location);
        if (origin.isEmpty() || structureEnds.containsKey(origin.get())) {
            return CompletableFuture.completedFuture(null);
        }
        return learnt.computeIfAbsent(origin.get(), k -> new CompletableFuture<>());
    }

    /** Records the structure's size of a file just parsed. */
    void learn(String location, TiffFile tiff) {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            Optional<String> origin = RangeReaders.httpOrigin(location);
            if (origin.isEmpty()) {
                return;
            }
            structureEnds.merge(origin.get(), tiff.headerEnd(), Math::max);
            waiting = learnt.remove(origin.get());
        }
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /** Forgets the header of a location (its source changed). */
    public synchronized void invalidate(String location) {
        entries.remove(location);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
