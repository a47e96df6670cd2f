package org.cogcube.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cogcube.RegionOutsideException;
import org.cogcube.catalog.Asset;
import org.cogcube.expression.NamedExpression;
import org.cogcube.geo.GridGeometry;
import org.cogcube.io.AsyncLimiter;
import org.cogcube.region.Feature;
import org.cogcube.region.Region;

/**
 * Statistics per feature of a region, per date, per variable: the per-field time series of crop
 * monitoring. Each feature is cut on its own, as the original method would run one
 * {@code gdalwarp -cutline} per field: its window and kept pixels are its alone (fields that
 * overlap both count the pixels they share), and its dates are kept or dropped (cloudy, no data)
 * by its own cut. A variable is a band or an expression on bands ({@link Extraction#evaluate}).
 *
 * <p>One row per feature, date of the query and variable whose bands (and cloud layer) have files
 * at that date, in that order; a date dropped for the feature as cloudy or without data gives a
 * row of 0 valid pixels whose statistics are NaN, so a series shows its cloudy dates. A feature
 * wholly outside the cube gives rows of 0 pixels.
 *
 * <p>Features are extracted a few at a time, each file opened once for all of them (one request
 * for its size and version over HTTP) and its header read once (the cube's header cache): open
 * the cube with a block cache ({@link org.cogcube.io.OpenOptions#withCache}) so that neighbouring
 * fields do not fetch the tiles they share again.
 */
public final class ZonalStatistics {
    /** How many features are extracted at once. */
    static final int FEATURES_AT_ONCE = 4;

    /**
     * One feature at one date, one variable.
     *
     * @param featureId the feature's id (see {@link ZonalStatistics#featureIds})
     * @param date the date
     * @param variable the band's or the expression's name
     * @param statistics the statistics of the variable over the feature's cut
     */
    public record Row(String featureId, LocalDate date, String variable, Statistics statistics) {
        public Row {
            Objects.requireNonNull(featureId, "featureId");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(statistics, "statistics");
        }
    }

    private ZonalStatistics() {
    }

    /** The statistics of each feature of the query's region, features named by {@link #featureIds}; blocks. */
    public static List<Row> compute(Cube cube, Query query, List<NamedExpression> variables) {
        return Cube.join(computeAsync(cube, query, variables, Optional.empty(), ProgressListener.NONE));
    }

    /**
     * The statistics of each feature of the query's region. The query's bands are replaced by
     * those the variables read; its dates, cloud mask, all-touched and nodata rules apply to every
     * feature.
     *
     * @param variables what to compute, each named: a band as {@link NamedExpression#identity}, or
     *     an expression on bands
     * @param idProperty the property whose value names each feature; empty for the feature's id, or
     *     its 1-based position when it has none
     * @param progress told of the files read, over all features
     */
    public static CompletableFuture<List<Row>> computeAsync(Cube cube, Query query, List<NamedExpression> variables,
            Optional<String> idProperty, ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        Query base;
        Plan plan;
        List<String> ids;
        try {
            base = query.withBands(bands(variables));
            plan = Plan.of(cube.catalog(), base);
            ids = featureIds(query.region(), idProperty);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Feature> features = query.region().features();
        int total = features.size() * plan.fileCount();
        AtomicInteger done = new AtomicInteger();
        progress.filesRead(0, total);
        Map<Asset, CompletableFuture<GridGeometry>> grids = new ConcurrentHashMap<>();
        AtomicReference<SharedReaders> shared = new AtomicReference<>();
        Cube reading = cube.withReaders(readers -> {
            shared.set(new SharedReaders(readers));
            return shared.get();
        });
        AsyncLimiter limiter = new AsyncLimiter(FEATURES_AT_ONCE);
        List<CompletableFuture<List<Row>>> perFeature = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Query one = base.withRegion(new Region(List.of(features.get(i)), query.region().crs()));
            FeatureRun run = new FeatureRun(reading, one, plan, variables, ids.get(i), grids);
            AtomicInteger seen = new AtomicInteger();
            ProgressListener listener = (d, t) -> progress.filesRead(done.addAndGet(d - seen.getAndSet(d)), total);
            perFeature.add(limiter.submit(() -> run.rows(listener)));
        }
        return CompletableFuture.allOf(perFeature.toArray(CompletableFuture[]::new)).whenComplete((v, failure) ->
                shared.get().close()).thenApply(v -> {
                    List<Row> rows = new ArrayList<>();
                    perFeature.forEach(f -> rows.addAll(f.join()));
                    return List.copyOf(rows);
                });
    }

    /**
     * The rows as CSV: the header {@value ZonalCsv#HEADER}, then one line per row, numbers as
     * Python's {@code repr} prints them (the shortest text that reads back as the same double),
     * statistics left empty when no pixel is valid, ids and names quoted when they hold a comma,
     * a quote or a line break (RFC 4180); lines end with {@code \n}.
     */
    public static String csv(List<Row> rows) {
        return ZonalCsv.of(rows);
    }

    /**
     * The name of each feature, in order: the value of {@code idProperty} when given (every feature
     * must have it), else the feature's id, else its 1-based position in the region.
     *
     * @throws IllegalArgumentException if a feature lacks the property
     */
    public static List<String> featureIds(Region region, Optional<String> idProperty) {
        List<String> ids = new ArrayList<>();
        List<Feature> features = region.features();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            if (idProperty.isPresent()) {
                Object value = f.properties().get(idProperty.get());
                if (value == null) {
                    throw new IllegalArgumentException("feature " + (i + 1) + f.id().map(id -> " (id " + id + ")")
                            .orElse("") + " has no property '" + idProperty.get() + "' to name it; its properties are "
                            + (f.properties().isEmpty() ? "none" : String.join(", ", f.properties().keySet())));
                }
                ids.add(value instanceof Double d ? Decimals.repr(d) : value.toString());
            } else {
                ids.add(f.id().orElse(Integer.toString(i + 1)));
            }
        }
        return ids;
    }

    /** The bands the variables read, in order of first appearance; the variables' names must differ. */
    private static List<String> bands(List<NamedExpression> variables) {
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("expected at least one variable (a band or NAME=EXPRESSION), found none");
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> bands = new LinkedHashSet<>();
        for (NamedExpression v : variables) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("expected each variable once, found '" + v.name() + "' twice");
            }
            if (v.expression().names().isEmpty()) {
                throw new IllegalArgumentException("the variable " + v + " reads no band, expected at least one");
            }
            bands.addAll(v.expression().names());
        }
        return List.copyOf(bands);
    }

    /** The rows of one feature. */
    private record FeatureRun(Cube cube, Query query, Plan plan, List<NamedExpression> variables, String id,
            Map<Asset, CompletableFuture<GridGeometry>> grids) {

        CompletableFuture<List<Row>> rows(ProgressListener listener) {
            CompletableFuture<Optional<Extraction>> extraction = cube.extractAsync(query, listener)
                    .thenApply(Optional::of)
                    .exceptionallyCompose(e -> {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        return cause instanceof RegionOutsideException
                                ? CompletableFuture.completedFuture(Optional.empty())
                                : CompletableFuture.failedFuture(cause);
                    });
            return extraction.thenCompose(x -> totals().thenApply(totals -> rows(x, totals)));
        }

        /** Per date of the plan, per variable with its files there, the pixels the feature keeps. */
        private CompletableFuture<List<Long>> totals() {
            Cuts cuts = new Cuts(query.region(), query.allTouched());
            List<CompletableFuture<Long>> totals = new ArrayList<>();
            for (Plan.DateFiles date : plan.dates()) {
                for (NamedExpression v : variables) {
                    firstAsset(date, v).ifPresent(asset -> totals.add(grids
                            .computeIfAbsent(asset, cube::gridOf)
                            .thenApply(grid -> kept(cuts, grid))));
                }
            }
            return CompletableFuture.allOf(totals.toArray(CompletableFuture[]::new))
                    .thenApply(x -> totals.stream().map(CompletableFuture::join).toList());
        }

        private List<Row> rows(Optional<Extraction> extraction, List<Long> totals) {
            List<Series> series = extraction.map(x -> variables.stream().map(x::evaluate).toList()).orElse(List.of());
            List<Row> rows = new ArrayList<>();
            int t = 0;
            for (Plan.DateFiles date : plan.dates()) {
                for (int i = 0; i < variables.size(); i++) {
                    if (firstAsset(date, variables.get(i)).isEmpty()) {
                        continue;
                    }
                    long total = totals.get(t++);
                    Optional<LayerCut> cut = series.isEmpty() ? Optional.empty() : series.get(i).get(date.date());
                    Statistics s = cut.map(c -> Statistics.of(c.values(), total)).orElseGet(() -> Statistics.none(total));
                    rows.add(new Row(id, date.date(), variables.get(i).name(), s));
                }
            }
            return rows;
        }

        /** The file of the variable's first band at the date, when all its bands have files there. */
        private static Optional<Asset> firstAsset(Plan.DateFiles date, NamedExpression variable) {
            Set<String> bands = variable.expression().names();
            if (!date.bands().keySet().containsAll(bands)) {
                return Optional.empty();
            }
            return Optional.of(date.bands().get(bands.iterator().next()));
        }

        private static long kept(Cuts cuts, GridGeometry grid) {
            try {
                return cuts.of(grid).count();
            } catch (RegionOutsideException e) {
                return 0;
            }
        }
    }
}
