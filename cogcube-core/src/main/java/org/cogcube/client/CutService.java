package org.cogcube.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cogcube.RegionOutsideException;
import org.cogcube.SourceChangedException;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.cog.HeaderCache;
import org.cogcube.io.RangeReader;
import org.cogcube.raster.Window;
import org.cogcube.region.Cutline;
import org.cogcube.subset.CatalogCutRequest;
import org.cogcube.subset.CutAnswer;
import org.cogcube.subset.CutRequest;

/**
 * The server's side of a cut request: each file opened with the library (a GeoTIFF, or a VRT and
 * the sources its window touches), its grid cut to the region exactly as a query cuts it
 * ({@link Cuts}), the window's first band read, and all packed into one {@link CutAnswer}. The
 * answer's ETag is derived from the request and the versions of every file read, so it changes
 * when any of them is replaced. Thread-safe; keeps the headers it reads, as a cube does, and its
 * latest answers ({@link CutMemo}): a request made again while its files are unchanged is answered
 * without reading them.
 */
public final class CutService {
    /** How many bytes of answers are kept to be given again. */
    static final long MEMO_BYTES = 64L << 20;
    private final HeaderCache headers = new HeaderCache(Cube.HEADERS);
    private final CutMemo memo = new CutMemo(MEMO_BYTES);
    private final long maxPixels;
    private final Consumer<String> warnings;

    /**
     * @param maxPixels the most pixels (over all windows) one request may ask for
     * @param warnings told of oddities in the files read
     */
    public CutService(long maxPixels, Consumer<String> warnings) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("expected maxPixels >= 1, found " + maxPixels);
        }
        this.maxPixels = maxPixels;
        this.warnings = warnings;
    }

    /**
     * An answer's body and its strong ETag (quotes included).
     *
     * @param body the answer
     * @param etag the strong entity tag
     */
    public record Answer(byte[] body, String etag) {
    }

    /**
     * The files a catalogue's query reads through the endpoint, as a {@link CutRequest} names them,
     * in the order a client asks them ({@link Cube}'s plan): files of another origin than
     * {@code endpoint}'s are left out, as a client reads those by ranges.
     *
     * @param catalog the catalogue, read as found at its URL under {@code endpoint}'s origin
     * @param request the query
     * @param endpoint the endpoint's URL as the client named it (scheme, host and port)
     * @throws org.cogcube.UnknownLayerException for a band or cloud layer the catalogue lacks
     * @throws NoDatesException for dates it lacks
     */
    public static List<String> files(Catalog catalog, CatalogCutRequest request, URI endpoint) {
        return CatalogQuery.files(catalog, request, endpoint);
    }

    /**
     * Cuts {@code request}'s files.
     *
     * @param files the files the request names, as local paths, in the request's order (the caller
     *     has checked that the request may read them)
     * @param readers opens every location read (the files, a VRT's sources); the caller refuses
     *     those it does not serve
     * @return the answer; fails with {@link CutTooLargeException} beyond the pixel limit, or the
     *     library's exceptions for files it cannot read
     */
    public CompletableFuture<Answer> cut(CutRequest request, List<Path> files, Function<String, RangeReader> readers) {
        if (files.size() != request.files().size()) {
            throw new IllegalArgumentException("expected a path per file of the request (" + request.files().size()
                    + "), found " + files.size());
        }
        String key = request.toQuery() + "\n" + files;
        return memo.reuse(key, readers).thenCompose(kept -> kept.isPresent()
                ? CompletableFuture.completedFuture(kept.get()) : fresh(request, files, readers, key));
    }

    private CompletableFuture<Answer> fresh(CutRequest request, List<Path> files, Function<String, RangeReader> readers,
            String key) {
        Cuts cuts = new Cuts(request.region(), request.allTouched());
        AtomicLong pixels = new AtomicLong();
        Map<String, String> versions = new ConcurrentHashMap<>();
        List<CompletableFuture<CutAnswer.Entry>> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = request.files().get(i);
            Path path = files.get(i);
            entries.add(entry(name, path, cuts, pixels, readers, versions).handle((entry, failure) -> {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof SourceChangedException) {
                    return entry(name, path, cuts, pixels, readers, versions); // replaced while read: once more
                }
                return failure == null ? CompletableFuture.completedFuture(entry)
                        : CompletableFuture.<CutAnswer.Entry>failedFuture(cause);
            }).thenCompose(f -> f));
        }
        return CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<CutAnswer.Entry> done = entries.stream().map(CompletableFuture::join).toList();
            MessageDigest digest = sha256();
            digest.update(request.toQuery().getBytes(StandardCharsets.UTF_8));
            for (CutAnswer.Entry e : done) {
                digest.update((e.file() + "\n" + e.version() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Answer answer = new Answer(CutAnswer.encode(done), "\"cut-" + HexFormat.of().formatHex(digest.digest(), 0, 16)
                    + "\"");
            memo.put(key, answer, versions);
            return answer;
        });
    }

    private CompletableFuture<CutAnswer.Entry> entry(String name, Path path, Cuts cuts, AtomicLong pixels,
            Function<String, RangeReader> readers, Map<String, String> versions) {
        ConcurrentLinkedQueue<RangeReader> opened = new ConcurrentLinkedQueue<>();
        Function<String, RangeReader> recording = location -> {
            RangeReader reader = readers.apply(location);
            opened.add(reader);
            return reader;
        };
        Asset asset = Asset.of("layer", path.toUri());
        return LayerFile.open(asset, recording, headers, warnings).thenCompose(file -> {
            CompletableFuture<CutAnswer.Entry> entry;
            try {
                entry = read(name, file, cuts, pixels, opened, versions);
            } catch (RuntimeException e) {
                entry = CompletableFuture.failedFuture(e);
            }
            return entry.whenComplete((e, failure) -> file.close());
        });
    }

    private CompletableFuture<CutAnswer.Entry> read(String name, LayerFile file, Cuts cuts, AtomicLong pixels,
            ConcurrentLinkedQueue<RangeReader> opened, Map<String, String> versions) {
        Cutline cut;
        try {
            cut = cuts.of(file.grid());
        } catch (RegionOutsideException outside) {
            return version(opened, versions).thenApply(version -> new CutAnswer.Entry(name, version, file.grid(),
                    typeOf(file), file.nodata(), CutAnswer.Kind.REGION_OUTSIDE, Optional.empty(), new byte[0]));
        }
        Optional<Window> window = cut.sourceWindow();
        if (window.isEmpty()) {
            return version(opened, versions).thenApply(version -> new CutAnswer.Entry(name, version, file.grid(),
                    typeOf(file), file.nodata(), CutAnswer.Kind.NO_WINDOW, Optional.empty(), new byte[0]));
        }
        Window w = window.get();
        long total = pixels.addAndGet(w.pixels());
        if (total > maxPixels) {
            throw new CutTooLargeException("the request asks for more than " + maxPixels + " pixels (" + total
                    + " so far, " + w.pixels() + " of them in " + name + "); ask for fewer files or a smaller region");
        }
        return file.read(w).thenCompose(raster -> version(opened, versions).thenApply(version -> CutAnswer.Entry.of(name,
                version, file.grid(), file.nodata(), w, raster, cut::contains)));
    }

    private static org.cogcube.raster.SampleType typeOf(LayerFile file) {
        return file instanceof LayerFile.Tiff t ? t.tiff().type() : ((LayerFile.Mosaic) file).vrt().type();
    }

    /**
     * The versions of every reader opened for one file, sorted, hashed to a short name; each is also
     * put in {@code all}, by location.
     */
    private static CompletableFuture<String> version(ConcurrentLinkedQueue<RangeReader> opened,
            Map<String, String> all) {
        List<RangeReader> readers = List.copyOf(opened);
        List<CompletableFuture<Optional<String>>> versions = readers.stream().map(RangeReader::version).toList();
        return CompletableFuture.allOf(versions.toArray(CompletableFuture[]::new)).thenApply(v -> {
            MessageDigest digest = sha256();
            for (int i = 0; i < readers.size(); i++) {
                all.put(readers.get(i).location(), versions.get(i).join().orElse("?"));
            }
            versions.stream().map(f -> f.join().orElse("?")).sorted()
                    .forEach(s -> digest.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
