package org.cogcube.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.cog.HeaderCache;
import org.cogcube.geo.GridGeometry;
import org.cogcube.io.AsyncLimiter;
import org.cogcube.io.ComputeThreads;
import org.cogcube.io.RangeReader;
import org.cogcube.io.StoppableRangeReader;
import org.cogcube.raster.Raster;
import org.cogcube.region.Cutline;
import org.cogcube.subset.CutRequest;

/**
 * Runs one query: plans it ({@link Plan}), then fetches every file of every date at once (at most
 * {@code maxFiles} open together): open (the header, from the cache when unchanged), cut the
 * file's grid to the region ({@link Cuts}), read the cut's window (only the tiles it touches,
 * decoded on all cores), close. Each date is assembled ({@link Masking}) as soon as its files are
 * read. A query whose future completes otherwise than with its result (cancelled, timed out,
 * failed) stops: no file is opened and no read sent after, and reads in flight are abandoned.
 */
final class Extractor {
    private final Function<String, RangeReader> readers;
    private final HeaderCache headers;
    private final Consumer<String> warnings;
    private final int maxFiles;
    private final Optional<ServerCuts> serverCuts;
    /**
     * The grids of the files read so far, by location, when this extractor serves a run of queries
     * over files taken as unchanged for its length ({@link #withReaders}); else none is kept.
     */
    private final Optional<Map<String, GridGeometry>> gridsRead;

    Extractor(Function<String, RangeReader> readers, HeaderCache headers, Consumer<String> warnings, int maxFiles,
            Optional<ServerCuts> serverCuts) {
        this(readers, headers, warnings, maxFiles, serverCuts, Optional.empty());
    }

    private Extractor(Function<String, RangeReader> readers, HeaderCache headers, Consumer<String> warnings,
            int maxFiles, Optional<ServerCuts> serverCuts, Optional<Map<String, GridGeometry>> gridsRead) {
        this.readers = readers;
        this.headers = headers;
        this.warnings = warnings;
        this.maxFiles = maxFiles;
        this.serverCuts = serverCuts;
        this.gridsRead = gridsRead;
    }

    /** Whether files are cut by the server, where they can be. */
    boolean usesServerCuts() {
        return serverCuts.isPresent();
    }

    /** What was read of one file: where the cut lies on its grid and the samples inside the grid. */
    record Read(Asset asset, LayerFile.Facts facts, Cutline cut, Optional<Raster> raw) {
    }

    /** One date's outcome. */
    private record DateResult(List<LayerCut> kept, List<Dropped> dropped) {
    }

    CompletableFuture<Extraction> run(Catalog catalog, Query query, ProgressListener progress) {
        Plan plan;
        try {
            plan = Plan.of(catalog, query);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Cuts cuts = new Cuts(query.region(), query.allTouched());
        prepare(cuts, catalog, plan, query.region());
        // Completes when the query's future does otherwise than with a result (cancelled, timed out, failed).
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Function<String, RangeReader> live = location -> new StoppableRangeReader(readers.apply(location), stop);
        AsyncLimiter throttle = new AsyncLimiter(maxFiles);
        int total = plan.fileCount();
        AtomicInteger done = new AtomicInteger();
        progress.filesRead(0, total);
        List<CompletableFuture<DateResult>> dates = new ArrayList<>();
        List<Asset> assets = CatalogQuery.assets(plan);
        List<CompletableFuture<Read>> fetched = fetchAll(assets, query, cuts, live, stop, throttle, done, total,
                progress);
        // Each grid is kept before anything that waits for its read runs.
        List<CompletableFuture<Read>> allReads = gridsRead.map(known -> fetched.stream()
                .map(read -> read.thenApply(r -> {
                    known.put(r.asset().href().toString(), r.facts().grid());
                    return r;
                })).toList()).orElse(fetched);
        int next = 0;
        for (Plan.DateFiles date : plan.dates()) {
            int count = date.bands().size() + (date.cloud().isPresent() ? 1 : 0);
            List<CompletableFuture<Read>> reads = allReads.subList(next, next + count);
            next += count;
            Map<String, CompletableFuture<Read>> bands = new java.util.LinkedHashMap<>();
            int i = 0;
            for (String band : date.bands().keySet()) {
                bands.put(band, reads.get(i++));
            }
            Optional<CompletableFuture<Read>> cloud = date.cloud().map(a -> reads.get(reads.size() - 1));
            List<CompletableFuture<Read>> all = new ArrayList<>(bands.values());
            cloud.ifPresent(all::add);
            dates.add(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(v -> assemble(date.date(), query, bands, cloud), ComputeThreads.executor())
                    .thenApply(r -> {
                        progress.dateDone(date.date(), r.kept());
                        return r;
                    }));
        }
        CompletableFuture<Extraction> result = CompletableFuture.allOf(dates.toArray(CompletableFuture[]::new))
                .thenApply(v -> {
            List<LayerCut> kept = new ArrayList<>();
            List<Dropped> dropped = new ArrayList<>(plan.missing());
            for (CompletableFuture<DateResult> d : dates) {
                kept.addAll(d.join().kept());
                dropped.addAll(d.join().dropped());
            }
            dropped.sort(Comparator.comparing(Dropped::date)
                    .thenComparing(d -> query.bands().indexOf(d.band())));
            return new Extraction(query, kept, dropped);
        });
        result.whenComplete((x, failure) -> {
            if (failure != null) {
                stop.complete(null);
            }
        });
        return result;
    }

    /**
     * The reads of the query's files, in order: through the server's cut endpoint those it can take
     * (in as few requests as its limits allow, {@link CutRequest#batches}), the others, and those of a
     * request it turns out not to serve, by range reads.
     */
    private List<CompletableFuture<Read>> fetchAll(List<Asset> assets, Query query, Cuts cuts,
            Function<String, RangeReader> live, CompletableFuture<Void> stop, AsyncLimiter throttle,
            AtomicInteger done, int total, ProgressListener progress) {
        List<CompletableFuture<Read>> reads = new ArrayList<>(java.util.Collections.nCopies(assets.size(), null));
        List<Integer> cutIndexes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        CompletableFuture<?> gate = null;
        for (int i = 0; i < assets.size(); i++) {
            Asset asset = assets.get(i);
            Optional<String> file = serverCuts.flatMap(s -> s.file(asset));
            if (file.isPresent()) {
                cutIndexes.add(i);
                files.add(file.get());
            } else if (gate == null) {
                CompletableFuture<Read> first = fetch(asset, cuts, live, stop, throttle, done, total, progress);
                reads.set(i, first);
                gate = probeGate(asset, first, assets.size());
            } else {
                CompletableFuture<?> open = gate;
                reads.set(i, open.thenCompose(v -> fetch(asset, cuts, live, stop, throttle, done, total, progress)));
            }
        }
        if (files.isEmpty()) {
            return reads;
        }
        List<Asset> cutAssets = cutIndexes.stream().map(assets::get).toList();
        Optional<CompletableFuture<Optional<List<Read>>>> early = serverCuts.orElseThrow().early(query, cutAssets,
                files, cuts);
        List<CompletableFuture<Read>> cut;
        if (early.isEmpty()) {
            cut = cutAll(cutAssets, files, query, cuts, live, stop, throttle, done, total, progress);
        } else {
            // The cuts asked beside the catalogue, or, when they do not fit this catalogue, asked now.
            CompletableFuture<List<Read>> all = early.get().thenCompose(found -> {
                if (found.isPresent()) {
                    progress.filesRead(done.addAndGet(found.get().size()), total);
                    return CompletableFuture.completedFuture(found.get());
                }
                List<CompletableFuture<Read>> asked = cutAll(cutAssets, files, query, cuts, live, stop, throttle,
                        done, total, progress);
                return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                        .thenApply(v -> asked.stream().map(CompletableFuture::join).toList());
            });
            cut = new ArrayList<>(files.size());
            for (int j = 0; j < files.size(); j++) {
                int index = j;
                cut.add(all.thenApply(list -> list.get(index)));
            }
        }
        for (int j = 0; j < cut.size(); j++) {
            reads.set(cutIndexes.get(j), cut.get(j));
        }
        return reads;
    }

    /** The reads of the files the cut endpoint takes, in as few requests as its limits allow. */
    private List<CompletableFuture<Read>> cutAll(List<Asset> assets, List<String> files, Query query, Cuts cuts,
            Function<String, RangeReader> live, CompletableFuture<Void> stop, AsyncLimiter throttle,
            AtomicInteger done, int total, ProgressListener progress) {
        List<CompletableFuture<Read>> reads = new ArrayList<>(files.size());
        int from = 0;
        for (int size : CutRequest.batches(files, query.region(), query.allTouched())) {
            reads.addAll(cutBatch(assets.subList(from, from + size), files.subList(from, from + size), query, cuts,
                    live, stop, throttle, done, total, progress));
            from += size;
        }
        return reads;
    }

    /**
     * Starts, on another core, what the first cut will need while the files are asked for: the cut of
     * the catalogue's grid when it names one, else the projection library for the region's CRS (its
     * first use costs tens of milliseconds). Failures are left to the cut that needs it.
     */
    private static void prepare(Cuts cuts, Catalog catalog, Plan plan, org.cogcube.region.Region region) {
        Optional<GridGeometry> grid = plan.dates().stream().flatMap(d -> d.bands().values().stream()).findFirst()
                .flatMap(catalog::gridOf).filter(g -> g.crs().isKnown());
        CompletableFuture.runAsync(() -> {
            if (grid.isPresent()) {
                cuts.of(grid.get());
            } else if (region.crs().isKnown()) {
                org.cogcube.geo.Projections.of(region.crs());
            }
        }, ComputeThreads.executor());
    }

    /** Queries of at least this many files read by ranges first learn, from one, how large their headers are. */
    static final int PROBE_MIN_FILES = 8;

    /**
     * What the range reads after the first wait for: nothing, or, for a query of many files from an
     * HTTP origin whose files' header size the cache does not know yet, the first file's header
     * (or the end of its read, whichever comes first). One round trip then saves most of a blind
     * 16 KiB first read per file ({@link HeaderCache#prefixFor}).
     */
    private CompletableFuture<?> probeGate(Asset first, CompletableFuture<Read> firstRead, int files) {
        String location = first.href().toString();
        if (files < PROBE_MIN_FILES || headers.knowsPrefixFor(location)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.anyOf(headers.prefixLearnt(location), firstRead.handle((r, failure) -> null));
    }

    /** The reads of one request to the cut endpoint, or of range reads when it does not serve it. */
    private List<CompletableFuture<Read>> cutBatch(List<Asset> assets, List<String> files, Query query, Cuts cuts,
            Function<String, RangeReader> live, CompletableFuture<Void> stop, AsyncLimiter throttle,
            AtomicInteger done, int total, ProgressListener progress) {
        ServerCuts server = serverCuts.orElseThrow();
        CompletableFuture<List<Read>> all = server.read(assets, files, query, cuts).handle((reads, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof ServerCuts.NotServed notServed) {
                server.warnOnce("reading by ranges instead of through the server's cut endpoint: "
                        + notServed.getMessage());
                List<CompletableFuture<Read>> ranged = assets.stream()
                        .map(a -> fetch(a, cuts, live, stop, throttle, done, total, progress)).toList();
                return CompletableFuture.allOf(ranged.toArray(CompletableFuture[]::new))
                        .thenApply(v -> ranged.stream().map(CompletableFuture::join).toList());
            }
            if (failure != null) {
                return CompletableFuture.<List<Read>>failedFuture(cause);
            }
            progress.filesRead(done.addAndGet(reads.size()), total);
            return CompletableFuture.completedFuture(reads);
        }).thenCompose(f -> f);
        List<CompletableFuture<Read>> reads = new ArrayList<>(assets.size());
        for (int i = 0; i < assets.size(); i++) {
            int index = i;
            reads.add(all.thenApply(list -> list.get(index)));
        }
        return reads;
    }

    private CompletableFuture<Read> fetch(Asset asset, Cuts cuts, Function<String, RangeReader> live,
            CompletableFuture<Void> stop, AsyncLimiter throttle, AtomicInteger done, int total,
            ProgressListener progress) {
        return throttle.submit(() -> stop.isDone() ? notOpened(asset)
                : readOnce(asset, cuts, live).handle((r, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof org.cogcube.SourceChangedException) {
                // The file was replaced since its header was read: drop the stale header, read it afresh.
                headers.invalidate(asset.href().toString());
                return readOnce(asset, cuts, live);
            }
            return failure == null ? CompletableFuture.completedFuture(r) : CompletableFuture.<Read>failedFuture(cause);
        }).thenCompose(f -> f)).whenComplete((r, failure) -> {
            if (failure == null) {
                progress.filesRead(done.incrementAndGet(), total);
            }
        });
    }

    private static CompletableFuture<Read> notOpened(Asset asset) {
        return CompletableFuture.failedFuture(new CancellationException("did not open " + asset.href()
                + ": the query was cancelled, timed out or failed"));
    }

    private CompletableFuture<Read> readOnce(Asset asset, Cuts cuts, Function<String, RangeReader> live) {
        return LayerFile.open(asset, live, headers, warnings).thenCompose(file -> {
            CompletableFuture<Read> read;
            try {
                Cutline cut = cuts.of(file.grid());
                LayerFile.Facts facts = new LayerFile.Facts(file.location(), file.grid(), file.nodata());
                read = cut.sourceWindow()
                        .map(w -> file.read(w).thenApply(r -> new Read(asset, facts, cut, Optional.of(r))))
                        .orElseGet(() -> CompletableFuture.completedFuture(new Read(asset, facts, cut,
                                Optional.empty())));
            } catch (RuntimeException e) {
                read = CompletableFuture.failedFuture(e);
            }
            return read.whenComplete((r, failure) -> file.close());
        });
    }

    private static DateResult assemble(LocalDate date, Query query, Map<String, CompletableFuture<Read>> bands,
            Optional<CompletableFuture<Read>> cloudRead) {
        List<LayerCut> kept = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        Optional<Read> cloud = cloudRead.map(CompletableFuture::join);
        double threshold = query.cloudMask().map(CloudMask::threshold).orElse(Double.NaN);
        double[] cloudValues = cloud.map(c -> Masking.cloud(c.cut(), c.raw(), c.facts().nodata())).orElse(null);
        boolean cloudy = cloudValues != null && !Masking.anyClear(cloudValues, threshold);
        for (Map.Entry<String, CompletableFuture<Read>> e : bands.entrySet()) {
            String band = e.getKey();
            Read read = e.getValue().join();
            if (cloudy) {
                dropped.add(new Dropped(band, date, Dropped.Reason.CLOUDY));
                continue;
            }
            float[] values = Masking.band(read.cut(), read.raw(), read.facts().nodata(), query.nodataBelow());
            if (cloudValues != null) {
                checkSameGrid(read, cloud.get(), date);
                Masking.maskClouds(values, cloudValues, threshold);
            }
            if (Masking.allNaN(values)) {
                dropped.add(new Dropped(band, date, Dropped.Reason.NO_DATA));
                continue;
            }
            kept.add(new LayerCut(band, date, floats(read.cut().grid(), values)));
        }
        return new DateResult(kept, dropped);
    }

    /** The original compares the band's and the cloud layer's arrays element by element: they must be alike. */
    private static void checkSameGrid(Read band, Read cloud, LocalDate date) {
        GridGeometry b = band.cut().grid();
        GridGeometry c = cloud.cut().grid();
        if (!b.equals(c)) {
            throw new UnsupportedFeatureException("on " + date + ", layer " + band.asset().layer() + " ("
                    + band.facts().location() + ") is cut to " + describe(b) + " but the cloud layer "
                    + cloud.asset().layer() + " (" + cloud.facts().location() + ") to " + describe(c)
                    + "; a cloud mask needs the cloud layer on the band's grid (expected equal cuts)");
        }
    }

    private static String describe(GridGeometry g) {
        return g.width() + "x" + g.height() + " pixels of " + g.transform().xPerColumn() + " x "
                + (-g.transform().yPerRow()) + " at (" + g.transform().originX() + ", " + g.transform().originY()
                + ") in " + g.crs();
    }

    private static Raster floats(GridGeometry grid, float[] values) {
        byte[] bytes = new byte[values.length * 4];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return Raster.wrap(org.cogcube.raster.SampleType.FLOAT32, grid, OptionalDouble.of(Double.NaN), bytes);
    }

    /**
     * The grid of an asset's file: as a query of this run read it (a cut answer carries it), else
     * its header, from the cache when unchanged.
     */
    CompletableFuture<GridGeometry> grid(Asset asset) {
        GridGeometry known = gridsRead.map(g -> g.get(asset.href().toString())).orElse(null);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return LayerFile.open(asset, readers, headers, warnings).thenApply(file -> {
            try (file) {
                return file.grid();
            }
        });
    }

    /**
     * An extractor for a run of queries over files taken as unchanged for its length (as the readers
     * given, which open each file once, take them): like this one, sharing its header cache and its
     * server's cut endpoint, its range reads through other readers, and keeping the grids of the
     * files its queries read for {@link #grid}.
     */
    Extractor withReaders(Function<Function<String, RangeReader>, Function<String, RangeReader>> wrap) {
        return new Extractor(wrap.apply(readers), headers, warnings, maxFiles, serverCuts,
                Optional.of(new java.util.concurrent.ConcurrentHashMap<>()));
    }
}
