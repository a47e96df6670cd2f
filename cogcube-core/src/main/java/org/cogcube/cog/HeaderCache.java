package org.cogcube.cog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cogcube.tiff.TiffFile;

/**
 * Parsed TIFF headers by location, each with the version (HTTP ETag, or file size and time) it
 * was read at, so that opening the same file again costs no request. A header is trusted only
 * as long as the source's version is the same: the first read through a cached header checks
 * the version, and a change invalidates the entry (see {@link GeoTiff}).
 */
public final class HeaderCache {
    private static final HeaderCache SHARED = new HeaderCache(512);

    private final int capacity;
    private final Map<String, Entry> entries;

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
