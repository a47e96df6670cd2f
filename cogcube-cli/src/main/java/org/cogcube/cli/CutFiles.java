package org.cogcube.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cogcube.CogcubeException;
import org.cogcube.client.LayerCut;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.io.DaemonThreads;
import org.cogcube.io.Futures;
import org.cogcube.raster.RasterSource;

/**
 * Writes the cuts of an extraction as {@code OUT/<band>/<date>.tif}, float32 COGs with NaN nodata,
 * several files at once, as the dates come ({@link #submit}). A field's cut is small (50 x 50
 * pixels is typical), so each file gets the smallest block (a multiple of 16, at most 512) that
 * holds the whole cut in one tile: a 512-pixel block would encode a megabyte of padding for ten
 * kilobytes of values.
 */
final class CutFiles implements AutoCloseable {
    private static final int MAX_BLOCK = 512;

    /**
     * Writers at once: more than the cores, because writing a small cut is mostly waiting for its
     * {@code fsync} (a few milliseconds each on a journaling disk), and concurrent {@code fsync}s
     * share the journal's commits: 78 files take about 0.35 s one after another, 0.05 to 0.1 s with
     * eight writers.
     */
    static final int WRITERS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());

    private final Path out;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, DaemonThreads.named("cogcube-write"));
    private final List<CompletableFuture<Void>> writes = new ArrayList<>();

    CutFiles(Path out) {
        this.out = out;
    }

    /** Starts writing a cut (replaced atomically); thread-safe. */
    synchronized void submit(LayerCut cut) {
        writes.add(CompletableFuture.runAsync(() -> write(out, cut), writers));
    }

    /** Waits for every write submitted; fails as the first failed write did. */
    void await() {
        List<CompletableFuture<Void>> all;
        synchronized (this) {
            all = List.copyOf(writes);
        }
        Futures.join(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
    }

    /** Lets the writes under way finish (a file is never left half-written), then stops the writers. */
    @Override
    public void close() {
        writers.shutdown();
        try {
            while (!writers.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                // each write is short; wait them out
            }
        } catch (InterruptedException e) {
            writers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path out, LayerCut cut) {
        Path file = out.resolve(cut.band()).resolve(cut.date() + ".tif");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new CogcubeException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        int side = Math.max(cut.raster().width(), cut.raster().height());
        CogOptions options = CogOptions.defaults().withNodata(Double.NaN).withBlockSize(blockFor(side));
        CogWriter.write(RasterSource.of(cut.raster()), file, options);
    }

    /** The smallest multiple of 16 holding {@code side} pixels, at most {@value #MAX_BLOCK}. */
    static int blockFor(int side) {
        return Math.min(MAX_BLOCK, Math.max(16, (side + 15) / 16 * 16));
    }
}
