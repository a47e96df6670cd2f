package org.cogcube.vrt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cogcube.cog.GeoTiff;

/**
 * The source rasters of one VRT, opened on first use and kept, one per location: a second read
 * touching the same source does not open it again. Opening never blocks: it returns at once with
 * a future, so the caller can open every source a read touches at the same time. A source whose
 * opening failed is forgotten, so a later read tries again.
 */
final class SourcePool implements AutoCloseable {
    private final OpenContext context;
    private final ConcurrentMap<String, CompletableFuture<SourceRaster>> opened = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SourcePool(OpenContext context) {
        this.context = context;
    }

    /** The source raster at a location, opened now or earlier. */
    CompletableFuture<SourceRaster> open(String location) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the VRT was closed"));
        }
        String key = Locations.normalize(location);
        CompletableFuture<SourceRaster> existing = opened.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<SourceRaster> mine = new CompletableFuture<>();
        existing = opened.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        start(location).whenComplete((source, failure) -> {
            if (failure != null) {
                opened.remove(key, mine);
                mine.completeExceptionally(failure);
            } else if (closed) {
                source.close();
                mine.completeExceptionally(new IllegalStateException("the VRT was closed"));
            } else {
                mine.complete(source);
            }
        });
        return mine;
    }

    private CompletableFuture<SourceRaster> start(String location) {
        if (OpenContext.isVrt(location)) {
            try {
                return Vrt.openAsync(location, context.enter(location)).thenApply(SourceRaster::of);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return context.reader(location).thenCompose(reader -> context.headers()
                .map(headers -> GeoTiff.openAsync(reader, context.warnings(), headers))
                .orElseGet(() -> GeoTiff.openAsync(reader, context.warnings()))
                .whenComplete((tiff, failure) -> {
                    if (failure != null) {
                        reader.close();
                    }
                }))
                .thenApply(SourceRaster::of);
    }

    /** How many source rasters are open or opening. */
    int size() {
        return opened.size();
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<SourceRaster> f : opened.values()) {
            f.thenAccept(SourceRaster::close);
        }
        opened.clear();
    }
}
