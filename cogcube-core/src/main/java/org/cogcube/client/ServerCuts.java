package org.cogcube.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.cogcube.SourceException;
import org.cogcube.catalog.Asset;
import org.cogcube.io.ComputeThreads;
import org.cogcube.io.HttpGets;
import org.cogcube.io.OpenOptions;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.region.Cutline;
import org.cogcube.subset.CatalogCutRequest;
import org.cogcube.subset.CutAnswer;
import org.cogcube.subset.CutRequest;

/**
 * Reads files through a server's cut endpoint ({@link CutRequest}): the files of a whole query in
 * as few requests as the wire format's limits allow ({@link CutRequest#batches}), usually one, sent
 * as the catalogue was (over HTTP/1.1 on the connection that brought it for {@code http:}, over h2
 * for {@code https:}), so that no connection is opened for them. A request the server finds too
 * large (413, beyond its pixel limit) is split in two and asked again, down to single files. Each
 * entry of the answer is checked against what the client computes itself: the file it names, and
 * the window its grid gives the region (the client cuts the grid the server sent with the query's
 * own {@link Cuts}); a mismatch fails rather than giving pixels of another file or place.
 *
 * <p>Only files of the endpoint's origin (scheme, host and port), without query, go this way.
 */
final class ServerCuts {
    /** The largest answer accepted. */
    static final int MAX_ANSWER = 256 << 20;

    /** The endpoint does not serve this request, but range reads may: 404, 405, 501 (none there), 413, 414, 431 (too large). */
    static final class NotServed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotServed(String message) {
            super(message, null, false, false);
        }
    }

    private final URI endpoint;
    private final OpenOptions io;
    private final Consumer<String> warnings;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The cuts asked beside the catalogue, until a query takes (or drops) them. */
    private final AtomicReference<EarlyCut> early;
    /** The ETag of the catalogue read, which an early answer must have been cut for. */
    private final Optional<String> catalogEtag;

    ServerCuts(URI endpoint, OpenOptions io, Consumer<String> warnings) {
        this(endpoint, io, warnings, Optional.empty(), Optional.empty());
    }

    /**
     * @param early the cuts asked beside the catalogue (used only if sent to {@code endpoint})
     * @param catalogEtag the ETag of the catalogue's response
     */
    ServerCuts(URI endpoint, OpenOptions io, Consumer<String> warnings, Optional<EarlyCut> early,
            Optional<String> catalogEtag) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.io = Objects.requireNonNull(io, "io");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.early = new AtomicReference<>(early.filter(e -> e.endpoint().equals(endpoint)).orElse(null));
        this.catalogEtag = Objects.requireNonNull(catalogEtag, "catalogEtag");
    }

    URI endpoint() {
        return endpoint;
    }

    /** The file as the endpoint names it, when the asset can go through it. */
    Optional<String> file(Asset asset) {
        return CatalogQuery.file(endpoint, asset);
    }

    /** Tells the warnings, once per cube, that some files go by range reads after all. */
    void warnOnce(String message) {
        if (warned.compareAndSet(false, true)) {
            warnings.accept(message);
        }
    }

    /**
     * Reads {@code assets} (named {@code files} at the endpoint, at most {@link CutRequest#MAX_FILES})
     * cut by {@code cuts} in one request, or in halves when the server finds it too large; fails with
     * {@link NotServed} when range reads should be used instead.
     */
    CompletableFuture<List<Extractor.Read>> read(List<Asset> assets, List<String> files, Query query, Cuts cuts) {
        URI uri;
        try {
            uri = URI.create(endpoint + "?" + new CutRequest(files, query.region(), query.allTouched()).toQuery());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return HttpGets.get(uri, io, false, MAX_ANSWER).thenCompose(answer -> {
            if (answer.status() != 413 || files.size() < 2) {
                return reads(assets, files, cuts, answer);
            }
            int half = files.size() / 2;
            CompletableFuture<List<Extractor.Read>> first = read(assets.subList(0, half), files.subList(0, half),
                    query, cuts);
            CompletableFuture<List<Extractor.Read>> second = read(assets.subList(half, files.size()),
                    files.subList(half, files.size()), query, cuts);
            return first.thenCombine(second, (a, b) -> {
                List<Extractor.Read> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        });
    }

    /**
     * The reads of {@code files} from the cuts asked beside the catalogue, when they were asked for
     * {@code query} (the first query run takes them, whatever it asks); the future gives them when
     * the answer is one for these files as the catalogue read lists them (200, the catalogue's ETag,
     * the files in order), and empty otherwise, for the caller to ask as usual. Empty (no future)
     * when nothing was asked early for this query.
     */
    Optional<CompletableFuture<Optional<List<Extractor.Read>>>> early(Query query, List<Asset> assets,
            List<String> files, Cuts cuts) {
        EarlyCut sent = early.getAndSet(null);
        if (sent == null || !sent.query().equals(query) || catalogEtag.isEmpty()) {
            return Optional.empty();
        }
        String location = endpoint.toString();
        return Optional.of(sent.answer().thenCompose(answer -> {
            if (answer.isEmpty() || answer.get().status() != 200 || !answer.get().headers()
                    .firstValue(CatalogCutRequest.CATALOG_ETAG_HEADER).equals(catalogEtag)) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            List<CutAnswer.Entry> entries;
            try {
                entries = CutAnswer.decode(answer.get().body(), location);
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (!entries.stream().map(CutAnswer.Entry::file).toList().equals(files)) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return reads(assets, files, cuts, entries, location).thenApply(Optional::of);
        }));
    }

    /** The answer's entries as reads, their samples decoded on all cores. */
    private CompletableFuture<List<Extractor.Read>> reads(List<Asset> assets, List<String> files, Cuts cuts,
            HttpGets.Answer answer) {
        String location = endpoint.toString();
        int status = answer.status();
        if (status == 404 || status == 405 || status == 501 || status == 413 || status == 414 || status == 431) {
            throw new NotServed(location + " answered HTTP " + status + (answer.text().isEmpty() ? ""
                    : " (" + answer.text() + ")"));
        }
        if (status != 200) {
            throw new SourceException(location, null, status, "expected 200 OK with the cuts of " + files.size()
                    + " files, found HTTP " + status + (answer.text().isEmpty() ? "" : ": " + answer.text()), null);
        }
        return reads(assets, files, cuts, CutAnswer.decode(answer.body(), location), location);
    }

    private static CompletableFuture<List<Extractor.Read>> reads(List<Asset> assets, List<String> files, Cuts cuts,
            List<CutAnswer.Entry> entries, String location) {
        if (entries.size() != files.size()) {
            throw mismatch(location, "expected " + files.size() + " entries, found " + entries.size());
        }
        List<CompletableFuture<Extractor.Read>> reads = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            reads.add(CompletableFuture.supplyAsync(() -> read(assets.get(index), files.get(index),
                    entries.get(index), cuts, location), ComputeThreads.executor()));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(v -> reads.stream().map(CompletableFuture::join).toList());
    }

    private static Extractor.Read read(Asset asset, String file, CutAnswer.Entry entry, Cuts cuts, String location) {
        if (!entry.file().equals(file)) {
            throw mismatch(location, "expected entry for " + file + ", found one for " + entry.file());
        }
        // Decoded first: while one thread brings the region to the grid (once per grid), others decode.
        Optional<Raster> raw = entry.window().map(w -> entry.samples(location));
        Cutline cut;
        try {
            cut = cuts.of(entry.grid());
        } catch (org.cogcube.RegionOutsideException outside) {
            if (entry.kind() == CutAnswer.Kind.REGION_OUTSIDE) {
                throw outside;
            }
            throw mismatch(location, "the region lies outside " + file + "'s grid, but the server cut it");
        }
        Optional<Window> window = cut.sourceWindow();
        if (!window.equals(entry.window())) {
            throw mismatch(location, "the region's window in " + file + " is " + window.map(Window::toString).orElse("none")
                    + ", the server sent " + entry.window().map(Window::toString).orElse("none"));
        }
        String href = asset.href().toString();
        return new Extractor.Read(asset, new LayerFile.Facts(href, entry.grid(), entry.nodata()), cut, raw);
    }

    private static SourceException mismatch(String location, String what) {
        return new SourceException(location, null, "the answer does not match the request: " + what, null);
    }
}
