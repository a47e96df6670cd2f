package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cogcube.io.ByteRange;
import org.cogcube.io.CountingRangeReader;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;

/**
 * A mosaic served by a real nginx reads as GDAL reads it, fetching only the chunks a window
 * touches, and never one chunk after another: each touched chunk's header request is held back
 * until every touched chunk has asked for its header (and likewise for tiles). A reader that
 * opened chunks one at a time would never have more than one request waiting, and fails.
 */
class OverHttpTest {
    /** A window across the inner corner of chunks r0_c0, r0_c1, r1_c0 and r1_c1 (of the 3x2 grid). */
    private static final Window FOUR_CHUNKS = Window.of(200, 250, 100, 100);
    private static final Set<String> TOUCHED = Set.of("chunk_r0_c0.tif", "chunk_r0_c1.tif", "chunk_r1_c0.tif",
            "chunk_r1_c1.tif");

    @Test
    void opensAndReadsEveryTouchedChunkConcurrentlyAndNoOtherChunk() {
        assumeTrue(NginxServer.available(), "nginx is not installed");
        try (NginxServer nginx = NginxServer.start(Mosaics.path("u16"), NginxServer.Mode.HTTP_1_1)) {
            Gate headers = new Gate(TOUCHED.size());
            Gate tiles = new Gate(TOUCHED.size());
            Map<String, CountingRangeReader> readers = new ConcurrentHashMap<>();
            String url = nginx.uri("mosaic.vrt").toString();
            try (Vrt vrt = Vrt.openAsync(url, location -> {
                CountingRangeReader counting = new CountingRangeReader(RangeReaders.open(location));
                readers.merge(name(location), counting, (a, b) -> {
                    throw new AssertionError(location + " was opened twice");
                });
                return location.endsWith(".vrt") ? counting : new GatedReader(counting, headers, tiles);
            }, w -> { }).join()) {
                Raster first = vrt.read(FOUR_CHUNKS);

                Set<String> chunks = new TreeSet<>(readers.keySet());
                chunks.remove("mosaic.vrt");
                assertEquals(new TreeSet<>(TOUCHED), chunks, "chunks requested");
                assertEquals(TOUCHED.size(), headers.arrivedBeforeOpening(),
                        "header requests waiting together (a serial reader has at most 1)");
                assertEquals(TOUCHED.size(), tiles.arrivedBeforeOpening(),
                        "tile requests waiting together (a serial reader has at most 1)");
                for (String chunk : TOUCHED) {
                    assertEquals(2, readers.get(chunk).calls(), chunk + ": one header read, then one tile read");
                }

                Raster again = vrt.read(FOUR_CHUNKS);
                assertEquals(TOUCHED.size() + 1, readers.size(), "no reader opened for a second read");
                for (String chunk : TOUCHED) {
                    assertEquals(3, readers.get(chunk).calls(), chunk + ": tiles read again, header not");
                }
                assertArrayEquals(Mosaics.bytes(first, 0), Mosaics.bytes(again, 0));

                String local = Mosaics.path("u16/mosaic.vrt").toString();
                byte[] expected = Gdal.readWindowRaw(local, 1, FOUR_CHUNKS.column(), FOUR_CHUNKS.row(),
                        FOUR_CHUNKS.width(), FOUR_CHUNKS.height(), -1);
                assertArrayEquals(expected, Mosaics.bytes(first, 0));
            }
        }
    }

    @Test
    void readsTheWholeNodataMosaicOverHttpAsGdalReadsItOverHttp() {
        assumeTrue(NginxServer.available(), "nginx is not installed");
        try (NginxServer nginx = NginxServer.start(Mosaics.path("u16"), NginxServer.Mode.HTTP_1_1)) {
            String url = nginx.uri("mosaic_nodata.vrt").toString();
            try (Vrt vrt = Vrt.open(url)) {
                byte[] expected = Gdal.readWindowRaw("/vsicurl/" + url, 1, 0, 0, 700, 500, -1);
                assertArrayEquals(expected, Mosaics.bytes(vrt.read(Window.full(700, 500)), 0));
            }
        }
    }

    private static String name(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Holds every request that arrives until {@code expected} have arrived, then lets them all
     * through. Gives up waiting after 20 seconds (so that a serial reader fails the assertion
     * instead of hanging), after which requests pass at once.
     */
    static final class Gate {
        private final int expected;
        private final CompletableFuture<Void> open = new CompletableFuture<>();
        private int arrived;

        Gate(int expected) {
            this.expected = expected;
            open.completeOnTimeout(null, 20, TimeUnit.SECONDS);
        }

        synchronized CompletableFuture<Void> arrive() {
            if (!open.isDone() && ++arrived == expected) {
                open.complete(null);
            }
            return open;
        }

        /** How many requests arrived before the gate opened. */
        synchronized int arrivedBeforeOpening() {
            return arrived;
        }
    }

    /** Sends a source's first read (its header) through one gate and its later reads (tiles) through another. */
    static final class GatedReader implements RangeReader {
        private final RangeReader inner;
        private final Gate headers;
        private final Gate tiles;
        private final AtomicBoolean first = new AtomicBoolean(true);

        GatedReader(RangeReader inner, Gate headers, Gate tiles) {
            this.inner = inner;
            this.headers = headers;
            this.tiles = tiles;
        }

        @Override
        public String location() {
            return inner.location();
        }

        @Override
        public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
            Gate gate = first.getAndSet(false) ? headers : tiles;
            return gate.arrive().thenCompose(v -> inner.read(ranges));
        }

        @Override
        public CompletableFuture<Long> size() {
            return inner.size();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
