package org.cogcube.catalog;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import com.fasterxml.jackson.databind.JsonNode;
import org.cogcube.CogcubeException;
import org.cogcube.MalformedCatalogException;
import org.cogcube.SourceChangedException;
import org.cogcube.io.ByteRange;
import org.cogcube.io.Futures;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;

/**
 * Reads and writes a cube's catalogues.
 *
 * <p>A cube folder holds two catalogues of the same content:
 * <ul>
 *   <li>{@value #STAC_FILE}: a STAC 1.0 ItemCollection, one Item per date and one asset per layer,
 *       with the projection, raster and eo extensions; GDAL's STACIT driver, QGIS and STAC tools
 *       open it as it is;</li>
 *   <li>{@value #SIMPLE_FILE}: the simple catalogue, each date mapped to its files' URLs in the
 *       cube's layer order, for the scripts that read cubes that way.</li>
 * </ul>
 * Reading takes either (the format is recognised from the content), from a local path or an
 * http(s) URL alike; relative hrefs resolve against the catalogue's own location.
 */
public final class Catalogs {

    /** The file name of the STAC catalogue in a cube folder. */
    public static final String STAC_FILE = "catalog.json";

    /** The file name of the simple catalogue in a cube folder. */
    public static final String SIMPLE_FILE = "catalog-simple.json";

    private Catalogs() {
    }

    /** Reads a catalogue (STAC or simple, Sentinel-2 layer order) from a local path or an http(s) URL. */
    public static Catalog open(String pathOrUrl) {
        return open(pathOrUrl, ReadOptions.defaults());
    }

    /** Reads a catalogue from a local path or an http(s) URL; blocks until it is read. */
    public static Catalog open(String pathOrUrl, ReadOptions options) {
        return Futures.join(openAsync(pathOrUrl, options));
    }

    /**
     * Reads a catalogue from a local path or an http(s) URL: its size, then the whole file in one
     * read. A catalogue replaced between the two (its ETag, or its file's identity, changed) is
     * read again from the start, up to {@value #ATTEMPTS} times. Fails with
     * {@link MalformedCatalogException} for a bad catalogue and {@link org.cogcube.SourceException}
     * when the bytes cannot be had.
     */
    public static CompletableFuture<Catalog> openAsync(String pathOrUrl, ReadOptions options) {
        Location location;
        try {
            location = Location.of(pathOrUrl);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return fetch(pathOrUrl, options, ATTEMPTS).thenApply(bytes -> parse(bytes, location, options));
    }

    /** How many times a catalogue replaced while being read is read. */
    private static final int ATTEMPTS = 3;

    private static CompletableFuture<byte[]> fetch(String pathOrUrl, ReadOptions options, int attempts) {
        RangeReader reader;
        try {
            reader = RangeReaders.open(pathOrUrl, options.io());
        } catch (SourceChangedException e) {
            // Replaced while being opened (a local file checks its identity as it opens).
            return attempts > 1 ? fetch(pathOrUrl, options, attempts - 1) : CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<byte[]> read = reader.size().thenCompose(size -> {
            if (size > options.maxBytes()) {
                throw new MalformedCatalogException(pathOrUrl, "the catalogue is " + size + " bytes (expected at most "
                        + options.maxBytes() + ")");
            }
            return reader.read(ByteRange.of(0, size));
        }).thenApply(Catalogs::bytes).whenComplete((bytes, failure) -> reader.close());
        return read.handle((bytes, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof SourceChangedException && attempts > 1) {
                return fetch(pathOrUrl, options, attempts - 1);
            }
            return failure == null ? CompletableFuture.completedFuture(bytes) : CompletableFuture.<byte[]>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    /**
     * Sets the JSON parser up ahead of a first catalogue: its first use costs about 0.1 s of a fresh
     * JVM, which a caller can spend on another thread while the catalogue is on its way.
     */
    public static void prepare() {
        Json.prepare();
    }

    /** Reads a catalogue from its bytes, as if found at {@code pathOrUrl} (which places its relative hrefs). */
    public static Catalog read(byte[] json, String pathOrUrl, ReadOptions options) {
        return parse(json, Location.of(pathOrUrl), options);
    }

    private static Catalog parse(byte[] json, Location location, ReadOptions options) {
        JsonNode root = Json.parse(json, location.text());
        if (StacReader.isStac(root)) {
            return StacReader.read(root, location, options.warnings());
        }
        if (SimpleCatalog.isSimple(root)) {
            return SimpleCatalog.read(root, location, options.layerNames());
        }
        throw new MalformedCatalogException(location.text(), "expected a STAC ItemCollection (an object with \"type\":"
                + " \"FeatureCollection\") or a simple catalogue (an object mapping dates to lists of URLs), found "
                + Json.describe(root));
    }

    /**
     * Writes both catalogues of a cube into {@code folder}: {@value #STAC_FILE} and
     * {@value #SIMPLE_FILE}, each replaced atomically (readers see the old file or the new, never
     * part of one). Both are rendered before either is written, so a catalogue the simple format
     * cannot hold (a date missing a layer) fails before anything changes.
     */
    public static void write(Catalog catalog, Path folder) {
        URI base = folder.toAbsolutePath().normalize().toUri();
        byte[] stac = toStac(catalog, base).getBytes(StandardCharsets.UTF_8);
        byte[] simple = toSimple(catalog, base).getBytes(StandardCharsets.UTF_8);
        if (!Files.isDirectory(folder)) {
            throw new CogcubeException("cannot write the catalogues into " + folder + ": expected a folder, found "
                    + (Files.exists(folder) ? "a file" : "nothing"));
        }
        AtomicFiles.write(folder.resolve(STAC_FILE), stac);
        AtomicFiles.write(folder.resolve(SIMPLE_FILE), simple);
    }

    /** The STAC ItemCollection of a catalogue to be placed in {@code folder} (an absolute URI). */
    public static String toStac(Catalog catalog, URI folder) {
        return StacWriter.write(catalog, folder);
    }

    /**
     * The simple catalogue of a catalogue to be placed in {@code folder} (an absolute URI).
     *
     * @throws org.cogcube.UnsupportedFeatureException when a date lacks a layer: a list cannot say so
     */
    public static String toSimple(Catalog catalog, URI folder) {
        return SimpleCatalog.write(catalog, folder);
    }

    /** The URI of a folder with its trailing slash, so that relative hrefs resolve inside it. */
    static URI asFolder(URI folder) {
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException("expected the absolute URI of a folder, found " + folder);
        }
        String s = folder.toString();
        return s.endsWith("/") ? folder : URI.create(s + "/");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

}
