package org.cogcube.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cogcube.CogcubeException;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.cog.HeaderCache;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GridGeometry;
import org.cogcube.geo.Projections;
import org.cogcube.io.ComputeThreads;
import org.cogcube.io.OpenOptions;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;

/**
 * A data cube opened from its catalogue (a STAC ItemCollection or the simple date-to-URLs one),
 * local or behind any HTTP server, and the queries that cut its layers to a region.
 *
 * <pre>{@code
 * Cube cube = Cube.open("https://example.org/cubes/ashanti/catalog.json");
 * Extraction x = cube.extract(Query.of(Regions.readGeoJson(Path.of("farm.geojson")), "B04", "B08")
 *         .between(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 3, 31))
 *         .withCloudMask("CLD", 20));
 * for (LayerCut cut : x.band("B08")) { ... cut.date(), cut.grid(), cut.values() ... }
 * }</pre>
 *
 * <p>A query gives the numbers of the original method, which per date and band runs
 * {@code gdalwarp -cutline REGION -crop_to_cutline} on the band and on the cloud layer, then masks
 * in numpy:
 * <ul>
 *   <li>each layer is cut on its own grid: the window of source pixels wholly inside the region's
 *       envelope (every pixel the envelope touches, with all-touched), and in it the pixels whose
 *       centre the region contains (or that it touches) kept. A region in another CRS (WGS84
 *       GeoJSON) is brought to the layer's as gdalwarp brings it ({@link CutRegion});</li>
 *   <li>band values are NaN outside the region or the file, where they equal the layer's nodata,
 *       or are below {@link Query#nodataBelow()} (-9990); other values are the file's, unscaled,
 *       as float32;</li>
 *   <li>the cloud layer reads, outside the region but inside the cut's rectangle, what gdalwarp
 *       writes there without {@code -dstnodata}: the layer's nodata value, or 0 when it has none
 *       (the usual case), which counts as clear;</li>
 *   <li>band values whose cloud value is above the threshold become NaN; a date whose cut has no
 *       cloud value at or below the threshold (counting those 0s around the region) is dropped
 *       ({@link Dropped.Reason#CLOUDY}); a band whose masked cut is all NaN is dropped at that date
 *       ({@link Dropped.Reason#NO_DATA}). The cloud layer must lie on the band's grid.</li>
 * </ul>
 * A region partly outside the cube gives NaN where there is no cube; entirely outside, a
 * {@link org.cogcube.RegionOutsideException}.
 *
 * <p>Fetching: every file of a query is opened and read at once (at most {@value #MAX_FILES} at a
 * time), each read fetching only the tiles its window touches (adjacent ones merged into one
 * request over HTTP) and decoding them on all cores. A cube keeps the headers it has read, checked
 * against each file's version (HTTP ETag, or size and time), so a second query asks for no header
 * of an unchanged GeoTIFF. Local paths and {@code file:} URLs are read directly.
 *
 * <p>Server-side cuts: when the catalogue's server advertises a cut endpoint ({@code cogcube serve}
 * does), the query's files of that server are cut by it, in one request for all dates (or as few as
 * the wire format's limits allow) for the pixels of the region only; the numbers are the same as by range reads. Open
 * with {@link ServerSubset#NEVER} to read by ranges anyway. A cube opened for a first query asks that
 * query's cuts beside the catalogue, which saves a round trip.
 *
 * <p>Thread-safe: queries may run at once.
 */
public final class Cube {
    /** How many files one query has open at once, at most. */
    static final int MAX_FILES = 64;
    /** How many file headers a cube keeps. */
    static final int HEADERS = 4096;

    private final Catalog catalog;
    private final Extractor extractor;

    private Cube(Catalog catalog, Extractor extractor) {
        this.catalog = catalog;
        this.extractor = extractor;
    }

    /** Opens the catalogue at a local path or an http(s) URL with default options; blocks. */
    public static Cube open(String pathOrUrl) {
        return open(pathOrUrl, ReadOptions.defaults());
    }

    /**
     * Opens the catalogue at a local path or an http(s) URL; blocks. {@code options} say how
     * the catalogue and the cube's files are read ({@link ReadOptions#io()}), and name a simple
     * catalogue's layers ({@link ReadOptions#layerNames()}).
     */
    public static Cube open(String pathOrUrl, ReadOptions options) {
        return join(openAsync(pathOrUrl, options));
    }

    /**
     * Opens the catalogue at a local path or an http(s) URL; blocks. {@code subset} says whether
     * the server may cut the files ({@link ServerSubset#WHEN_ADVERTISED}, the default) or every file
     * is read by range requests ({@link ServerSubset#NEVER}).
     */
    public static Cube open(String pathOrUrl, ReadOptions options, ServerSubset subset) {
        return join(openAsync(pathOrUrl, options, subset));
    }

    /** Opens the catalogue at a local path or an http(s) URL, letting its server cut files when it offers to. */
    public static CompletableFuture<Cube> openAsync(String pathOrUrl, ReadOptions options) {
        return openAsync(pathOrUrl, options, ServerSubset.WHEN_ADVERTISED);
    }

    /**
     * Opens the catalogue at a local path or an http(s) URL. With {@link ServerSubset#WHEN_ADVERTISED}
     * an http(s) catalogue is fetched in one {@code GET}, whose {@code Link} header may advertise the
     * server's cut endpoint.
     */
    public static CompletableFuture<Cube> openAsync(String pathOrUrl, ReadOptions options, ServerSubset subset) {
        return openAsync(pathOrUrl, options, subset, Optional.empty());
    }

    /**
     * Opens the catalogue for a first query; blocks. Like {@link #open(String, ReadOptions, ServerSubset)},
     * and with {@link ServerSubset#WHEN_ADVERTISED} an http(s) catalogue's server is also asked for
     * {@code first}'s cuts at the same time as the catalogue (see {@link #openAsync(String, ReadOptions,
     * ServerSubset, Query)}).
     */
    public static Cube open(String pathOrUrl, ReadOptions options, ServerSubset subset, Query first) {
        return join(openAsync(pathOrUrl, options, subset, first));
    }

    /**
     * Opens the catalogue for a first query. With {@link ServerSubset#WHEN_ADVERTISED} and an http(s)
     * catalogue, {@code first}'s cuts are asked of the catalogue's server by the catalogue's path at
     * the same time as the catalogue itself, which saves a round trip when the server cuts files
     * ({@code cogcube serve}): the first query run, if it equals {@code first}, takes that answer when
     * the catalogue's response advertises the endpoint and the answer was cut for the catalogue read;
     * otherwise it asks as it would have. A server without the endpoint answers that request with an
     * error (nginx: 404), which is dropped. With {@link ServerSubset#NEVER} nothing more is sent.
     */
    public static CompletableFuture<Cube> openAsync(String pathOrUrl, ReadOptions options, ServerSubset subset,
            Query first) {
        Objects.requireNonNull(first, "first");
        return openAsync(pathOrUrl, options, subset, Optional.of(first));
    }

    private static CompletableFuture<Cube> openAsync(String pathOrUrl, ReadOptions options, ServerSubset subset,
            Optional<Query> first) {
        Objects.requireNonNull(subset, "subset");
        String scheme = RangeReaders.scheme(pathOrUrl);
        boolean remote = scheme.equals("http") || scheme.equals("https");
        CompletableFuture<Cube> cube;
        if (subset == ServerSubset.WHEN_ADVERTISED && remote) {
            // The catalogue's request leaves first; the cuts' is encoded while it travels.
            CompletableFuture<AdvertisedCatalogue> catalogue = AdvertisedCatalogue.open(pathOrUrl, options);
            cube = advertised(catalogue, options, first.flatMap(q -> EarlyCut.send(pathOrUrl, options, q)));
        } else {
            cube = Catalogs.openAsync(pathOrUrl, options).thenApply(catalog -> of(catalog, options.io(),
                    options.warnings()));
        }
        if (remote) {
            // While the catalogue travels, another core sets up the JSON parser and the projection
            // library for the first query's region (its first use costs tens of milliseconds).
            Optional<Crs> regionCrs = first.map(q -> q.region().crs()).filter(Crs::isKnown);
            CompletableFuture.runAsync(() -> {
                Catalogs.prepare();
                regionCrs.ifPresent(Projections::of);
            }, ComputeThreads.executor());
        }
        return cube;
    }

    /** A cube of an http(s) catalogue whose server may advertise its cut endpoint, with the cuts asked beside it. */
    static CompletableFuture<Cube> advertised(CompletableFuture<AdvertisedCatalogue> catalogue, ReadOptions options,
            Optional<EarlyCut> early) {
        return catalogue.thenApply(found -> new Cube(found.catalog(),
                extractor(location -> RangeReaders.open(location, options.io()), options.warnings(),
                        found.endpoint().map(e -> new ServerCuts(e, options.io(), options.warnings(), early,
                                found.etag())))));
    }

    /** A cube of a catalogue already read, its files read with these options. */
    public static Cube of(Catalog catalog, OpenOptions io, Consumer<String> warnings) {
        Objects.requireNonNull(io, "io");
        return of(catalog, location -> RangeReaders.open(location, io), warnings);
    }

    /** A cube whose files are read through {@code readers} (tests count requests this way). */
    static Cube of(Catalog catalog, Function<String, RangeReader> readers, Consumer<String> warnings) {
        Objects.requireNonNull(catalog, "catalog");
        return new Cube(catalog, extractor(readers, warnings, Optional.empty()));
    }

    private static Extractor extractor(Function<String, RangeReader> readers, Consumer<String> warnings,
            Optional<ServerCuts> serverCuts) {
        return new Extractor(readers, new HeaderCache(HEADERS), warnings, MAX_FILES, serverCuts);
    }

    /**
     * Whether the server that serves this cube cuts its files (it advertised its cut endpoint and
     * the cube was not opened with {@link ServerSubset#NEVER}).
     */
    public boolean serverSubset() {
        return extractor.usesServerCuts();
    }

    /** The catalogue. */
    public Catalog catalog() {
        return catalog;
    }

    /** The dates, in order. */
    public List<LocalDate> dates() {
        return catalog.dates();
    }

    /** The layer names, in the cube's order. */
    public List<String> layers() {
        return catalog.layerNames();
    }

    /**
     * The grid most files share, when the catalogue says (a STAC catalogue does; the simple one
     * does not).
     */
    public Optional<GridGeometry> grid() {
        return catalog.grid();
    }

    /** Runs a query; blocks. */
    public Extraction extract(Query query) {
        return join(extractAsync(query, ProgressListener.NONE));
    }

    /** Runs a query, telling {@code progress} of each file read. */
    public CompletableFuture<Extraction> extractAsync(Query query, ProgressListener progress) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(progress, "progress");
        return extractor.run(catalog, query, progress);
    }

    /** The grid of one file of the cube: the catalogue's word for it when it names a CRS, else its header's. */
    CompletableFuture<GridGeometry> gridOf(org.cogcube.catalog.Asset asset) {
        // A catalogue's grid without a CRS (proj:epsg null) cannot place a region: the file's own may.
        return catalog.gridOf(asset).filter(g -> g.crs().isKnown()).map(CompletableFuture::completedFuture)
                .orElseGet(() -> extractor.grid(asset));
    }

    /**
     * This cube with its range reads through other readers (sharing the header cache and the server's
     * cut endpoint), for a run of many queries over files taken as unchanged for its length: the grid
     * of a file one of them read is not asked again ({@link #gridOf}).
     */
    Cube withReaders(Function<Function<String, RangeReader>, Function<String, RangeReader>> wrap) {
        return new Cube(catalog, extractor.withReaders(wrap));
    }

    /** Waits for a future, unwrapping cogcube's exceptions so callers see them as thrown. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new CogcubeException(c.toString(), c);
        }
    }

    @Override
    public String toString() {
        return "Cube[" + catalog.dates().size() + " dates, layers " + String.join(", ", layers()) + "]";
    }
}
