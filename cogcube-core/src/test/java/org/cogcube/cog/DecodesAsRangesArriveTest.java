package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cogcube.io.ByteRange;
import org.cogcube.io.FileRangeReader;
import org.cogcube.io.ForwardingRangeReader;
import org.cogcube.io.RangeReader;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window's chunks are decoded as their bytes arrive, not once all of the window's ranges are in:
 * on a slow link, decoding overlaps the transfer.
 */
@Timeout(120)
class DecodesAsRangesArriveTest {
    @TempDir
    Path dir;

    /** A range asked of a {@link Gated} reader, read only once the test lets it through. */
    private record Ask(ByteRange range, CompletableFuture<Void> gate) {
        void release() {
            gate.complete(null);
        }
    }

    /** Holds every range of every call until the test releases it; the first ones may pass freely. */
    private static final class Gated extends ForwardingRangeReader {
        final BlockingQueue<Ask> asked = new LinkedBlockingQueue<>();
        volatile boolean gating;

        Gated(RangeReader inner) {
            super(inner);
        }

        @Override
        public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
            List<CompletableFuture<ByteBuffer>> each = readEach(ranges);
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
        }

        @Override
        public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
            List<CompletableFuture<ByteBuffer>> each = new ArrayList<>();
            for (ByteRange range : ranges) {
                CompletableFuture<Void> gate = gating ? new CompletableFuture<>()
                        : CompletableFuture.completedFuture(null);
                if (gating) {
                    asked.add(new Ask(range, gate));
                }
                each.add(gate.thenCompose(v -> inner.read(range)));
            }
            return each;
        }
    }

    @Test
    void aChunkIsDecodedBeforeTheLastRangeOfItsWindowArrives() throws Exception {
        // Left tile: noisy top rows, so the prefix fetched for a window over them falls short and its
        // decoding asks for the rest of the tile (the effect the test watches for). Right tile: constant.
        Path file = dir.resolve("two-tiles.tif");
        Random random = new Random(21);
        ByteBuffer samples = ByteBuffer.allocate(1024 * 512 * 2);
        for (int row = 0; row < 512; row++) {
            for (int column = 0; column < 1024; column++) {
                samples.putShort((short) (row < 100 && column < 512 ? random.nextInt(65536) : 1000));
            }
        }
        Raster image = Raster.wrap(SampleType.UINT16, TestRasters.utmGrid(1024, 512), OptionalDouble.empty(),
                samples.array());
        CogWriter.write(RasterSource.of(image), file, CogOptions.defaults().withOverviews(false));
        Window window = new Window(3, 60, 1000, 90);
        Gated gated = new Gated(FileRangeReader.open(file));
        try (GeoTiff whole = GeoTiff.open(file.toString());
                GeoTiff geoTiff = GeoTiff.openAsync(gated, w -> { }).join()) {
            long[] offsets = whole.level(0).offsets();
            gated.gating = true;
            CompletableFuture<Raster> reading = geoTiff.readAsync(window, 0);

            Ask left = gated.asked.poll(30, TimeUnit.SECONDS);
            Ask right = gated.asked.poll(30, TimeUnit.SECONDS);
            assertNotNull(right, "the window's two tiles asked for");
            assertEquals(offsets[0], left.range().offset(), "the left tile's prefix first");
            assertEquals(offsets[1], right.range().offset(), "then the right tile's");
            left.release();

            Ask rest = gated.asked.poll(30, TimeUnit.SECONDS);
            assertNotNull(rest, "the left tile decoded while the right tile's range was held");
            assertEquals(left.range().end(), rest.range().offset(), "the rest of the left tile");
            assertFalse(reading.isDone(), "the window waits for the right tile");

            rest.release();
            right.release();
            assertSamePixels(whole.read(window), reading.get(30, TimeUnit.SECONDS));
        }
    }

    private static void assertSamePixels(Raster expected, Raster found) {
        ByteBuffer e = expected.data(0);
        ByteBuffer f = found.data(0);
        assertEquals(e.remaining(), f.remaining(), "bytes of the window");
        for (int i = 0; i < e.remaining(); i += 2) {
            assertEquals(e.getShort(i), f.getShort(i), "sample " + i / 2);
        }
    }
}
