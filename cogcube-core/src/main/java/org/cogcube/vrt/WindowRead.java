package org.cogcube.vrt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cogcube.MalformedFileException;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;

/**
 * One window read of a VRT, after its {@link ReadPlan}: fetch, then assemble.
 *
 * <p>Fetch: every touched source raster is asked for at once (opened, or taken from the
 * {@link SourcePool}); as each is open, the placements of its sources are worked out and read,
 * one read per source window with every band wanted from it. No source waits for another.
 * Assemble: once all are read, each band is filled and painted in painting order.
 */
final class WindowRead {
    /** What one source gives: its placement, and the raster read with the band to take from it. */
    private record Painted(ReadPlan.Job job, Placement placement, Raster raster, int rasterBand) {
    }

    private WindowRead() {
    }

    /**
     * @param out per band read, the band's samples over the window, already filled
     * @param types per band read, its data type
     */
    static CompletableFuture<Void> run(ReadPlan plan, SourcePool pool, byte[][] out, SampleType[] types) {
        Painted[] painted = new Painted[plan.jobs().size()];
        Map<ReadPlan.Job, Integer> order = new HashMap<>();
        for (int i = 0; i < painted.length; i++) {
            order.put(plan.jobs().get(i), i);
        }
        List<CompletableFuture<Void>> fetches = new ArrayList<>();
        for (Map.Entry<String, List<ReadPlan.Job>> e : plan.byLocation().entrySet()) {
            List<ReadPlan.Job> jobs = e.getValue();
            CompletableFuture<Void> fetch = inContext(pool.open(jobs.get(0).source().location()), jobs.get(0).where())
                    .thenCompose(source -> read(source, plan.window(), jobs))
                    .thenAccept(results -> {
                        for (Painted p : results) {
                            painted[order.get(p.job())] = p;
                        }
                    });
            fetches.add(fetch);
        }
        return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).thenRun(() -> {
            int width = plan.window().width();
            for (Painted p : painted) {
                if (p != null) {
                    int o = p.job().output();
                    Painter.paint(p.raster(), p.rasterBand(), p.placement(), p.job().source(), types[o], out[o], width);
                }
            }
        });
    }

    /** The future, its failure (from a source raster) told as happening in {@code where}. */
    private static <T> CompletableFuture<T> inContext(CompletableFuture<T> future, String where) {
        return future.handle((value, failure) -> {
            if (failure != null) {
                throw Failures.in(where, failure);
            }
            return value;
        });
    }

    /** Reads what the jobs of one source raster need: one read per distinct source window. */
    private static CompletableFuture<List<Painted>> read(SourceRaster source, Window window, List<ReadPlan.Job> jobs) {
        Map<Window, List<Integer>> bandsByWindow = new LinkedHashMap<>();
        List<ReadPlan.Job> placedJobs = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (ReadPlan.Job job : jobs) {
            int band = job.source().band();
            if (band >= source.bandCount()) {
                throw new MalformedFileException(job.where() + ": SourceBand " + (band + 1) + " asked, but "
                        + source.location() + " has " + source.bandCount() + " band(s)");
            }
            Placement.of(job.source(), window, source.width(), source.height(), source.hasOverviews(),
                    job.where()).ifPresent(p -> {
                List<Integer> bands = bandsByWindow.computeIfAbsent(p.read(), w -> new ArrayList<>());
                if (!bands.contains(band)) {
                    bands.add(band);
                }
                placedJobs.add(job);
                placements.add(p);
            });
        }
        Map<Window, CompletableFuture<Raster>> reads = new HashMap<>();
        for (int i = 0; i < placements.size(); i++) {
            Window w = placements.get(i).read();
            if (!reads.containsKey(w)) {
                int[] bands = bandsByWindow.get(w).stream().mapToInt(Integer::intValue).toArray();
                reads.put(w, inContext(source.read(w, bands), placedJobs.get(i).where()));
            }
        }
        return CompletableFuture.allOf(reads.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Painted> out = new ArrayList<>();
            for (int i = 0; i < placedJobs.size(); i++) {
                Placement p = placements.get(i);
                ReadPlan.Job job = placedJobs.get(i);
                out.add(new Painted(job, p, reads.get(p.read()).join(),
                        bandsByWindow.get(p.read()).indexOf(job.source().band())));
            }
            return out;
        });
    }
}
