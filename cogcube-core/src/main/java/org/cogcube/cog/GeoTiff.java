package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.cogcube.MalformedFileException;
import org.cogcube.geo.GridGeometry;
import org.cogcube.geotiff.GeoTiffMetadata;
import org.cogcube.io.ByteRange;
import org.cogcube.io.Futures;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.raster.Window;
import org.cogcube.tiff.Ifd;
import org.cogcube.tiff.ImageStructure;
import org.cogcube.tiff.TiffFile;
import org.cogcube.tiff.codec.TruncatedDataException;

/**
 * An opened GeoTIFF, local or remote: its structure, georeferencing, levels (full resolution
 * and overviews), and window reads of any bands at any level.
 *
 * <p>Opening reads the header and IFDs (one request for a COG); a read fetches only the chunks
 * the window touches, all in one call to the source, and decodes each, in parallel, as soon as
 * its bytes are in (see {@link org.cogcube.io.RangeReader#readEach}). Thread-safe: many reads may
 * run at once.
 */
public final class GeoTiff implements RasterSource, AutoCloseable {
    private final RangeReader source;
    private final TiffFile tiff;
    private final List<ImageStructure> levels;
    private final GeoTiffMetadata metadata;

    private GeoTiff(RangeReader source, TiffFile tiff, List<ImageStructure> levels, GeoTiffMetadata metadata) {
        this.source = source;
        this.tiff = tiff;
        this.levels = List.copyOf(levels);
        this.metadata = metadata;
    }

    /**
     * Opens a local path, a {@code file:} URI or an http(s) URL; blocks until the header is read.
     * Headers are kept in {@link HeaderCache#shared()}: opening the same unchanged file again
     * costs no request.
     */
    public static GeoTiff open(String pathOrUrl) {
        return Futures.join(openAsync(RangeReaders.open(pathOrUrl), w -> { }, HeaderCache.shared()));
    }

    public static GeoTiff open(Path path) {
        return open(path.toString());
    }

    /**
     * Opens a GeoTIFF through a source; the returned GeoTiff owns the source and closes it.
     *
     * @param warnings told of recoverable oddities (skipped masks, unusable overviews)
     */
    public static CompletableFuture<GeoTiff> openAsync(RangeReader source, Consumer<String> warnings) {
        return TiffFile.read(source).thenApply(tiff -> of(source, tiff, warnings));
    }

    /**
     * Opens a GeoTIFF through a source, taking its header from {@code cache} when the cache has
     * one for the location (no request at all), else reading it and caching it with the source's
     * version. A read through a cached header first checks that the source's version is still
     * the cached one; if not, the read fails with {@link org.cogcube.SourceChangedException} and
     * the entry is dropped, so opening again reads the new header.
     */
    public static CompletableFuture<GeoTiff> openAsync(RangeReader source, Consumer<String> warnings,
            HeaderCache cache) {
        var cached = cache.get(source.location());
        if (cached.isPresent()) {
            // A source that knows its version without a request (a local file) is checked now, so
            // a file replaced since its header was cached is simply read afresh; over HTTP the first
            // read's answer says it (no request of its own).
            java.util.Optional<String> known = source.knownVersion();
            if (!known.map(cached.get().version()::equals).orElse(true)) {
                cache.invalidate(source.location());
                return openAsync(source, warnings, cache);
            }
            RangeReader checked = new VersionCheckingReader(source, cached.get().version(), cache);
            return CompletableFuture.supplyAsync(() -> of(checked, cached.get().tiff(), warnings),
                    Runnable::run);
        }
        return TiffFile.read(source, cache.prefixFor(source.location())).thenCompose(tiff -> {
            cache.learn(source.location(), tiff);
            return source.version().thenApply(version -> {
                GeoTiff opened = of(source, tiff, warnings);
                version.ifPresent(v -> cache.put(source.location(), v, tiff));
                return opened;
            });
        });
    }

    static GeoTiff of(RangeReader source, TiffFile tiff, Consumer<String> warnings) {
        String where = tiff.location();
        ImageStructure main = null;
        List<ImageStructure> overviews = new ArrayList<>();
        Ifd mainIfd = null;
        for (Ifd ifd : tiff.ifds()) {
            long subfile = ifd.longOr(org.cogcube.tiff.Tag.NEW_SUBFILE_TYPE, 0);
            if ((subfile & 4) != 0) {
                warnings.accept(where + ": internal mask in IFD " + ifd.index() + " skipped");
                continue;
            }
            if (main == null) {
                main = ImageStructure.of(ifd, tiff.size(), where);
                mainIfd = ifd;
                continue;
            }
            if ((subfile & 1) == 0) {
                warnings.accept(where + ": IFD " + ifd.index() + " is another image (not an overview); only the first"
                        + " is read");
                continue;
            }
            ImageStructure o = ImageStructure.of(ifd, tiff.size(), where);
            if (o.samplesPerPixel() != main.samplesPerPixel() || o.sampleType() != main.sampleType()
                    || o.width() > main.width() || o.height() > main.height()) {
                warnings.accept(where + ": overview in IFD " + ifd.index() + " (" + o.width() + " x " + o.height()
                        + ", " + o.samplesPerPixel() + " " + o.sampleType() + ") does not match the image; skipped");
                continue;
            }
            overviews.add(o);
        }
        if (main == null) {
            throw new MalformedFileException(where + ": no image found (every IFD is a mask)");
        }
        overviews.sort(Comparator.comparingInt(ImageStructure::width).reversed());
        List<ImageStructure> levels = new ArrayList<>();
        levels.add(main);
        levels.addAll(overviews);
        GeoTiffMetadata md = GeoTiffMetadata.read(mainIfd, main.width(), main.height(), main.samplesPerPixel(), where);
        return new GeoTiff(source, tiff, levels, md);
    }

    public String location() {
        return tiff.location();
    }

    /** The TIFF structure: header and IFDs. */
    public TiffFile tiff() {
        return tiff;
    }

    public GeoTiffMetadata metadata() {
        return metadata;
    }

    /** Number of levels: 1 (full resolution) plus the overviews. */
    public int levelCount() {
        return levels.size();
    }

    /** The storage of a level: 0 is the full resolution, 1 the largest overview. */
    public ImageStructure level(int level) {
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException("level " + level + " asked of " + location() + ", which has levels 0 to "
                    + (levels.size() - 1));
        }
        return levels.get(level);
    }

    /** The grid of a level. */
    public GridGeometry grid(int level) {
        ImageStructure s = level(level);
        return level == 0 ? metadata.grid() : metadata.grid().overview(s.width(), s.height());
    }

    @Override
    public GridGeometry grid() {
        return metadata.grid();
    }

    @Override
    public SampleType type() {
        return levels.get(0).sampleType();
    }

    @Override
    public int bandCount() {
        return levels.get(0).samplesPerPixel();
    }

    @Override
    public OptionalDouble nodata() {
        return metadata.nodata();
    }

    @Override
    public double[] scales() {
        return metadata.scales().clone();
    }

    @Override
    public double[] offsets() {
        return metadata.offsets().clone();
    }

    /** Whether the file declares GDAL's COG layout (ghost header with IFDs before data). */
    public boolean isCloudOptimized() {
        return tiff.declaresCogLayout();
    }

    @Override
    public Raster read(Window window) {
        return read(window, 0);
    }

    /** Reads a window of a level; {@code bands} are 0-based, all bands when none are given. Blocks. */
    public Raster read(Window window, int level, int... bands) {
        return Futures.join(readAsync(window, level, bands));
    }

    /** Reads a window of a level; {@code bands} are 0-based, all bands when none are given. */
    public CompletableFuture<Raster> readAsync(Window window, int level, int... bands) {
        ImageStructure image = level(level);
        int[] b = bands.length == 0 ? allBands(image.samplesPerPixel()) : bands.clone();
        ChunkPlan plan = ChunkPlan.of(image, window, b);
        int bytes = image.sampleType().bytes();
        long bandBytes = window.pixels() * bytes;
        if (bandBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(window + " of " + image.sampleType() + " is too large for one read ("
                    + bandBytes + " bytes per band); read it in parts");
        }
        byte[][] out = new byte[b.length][(int) bandBytes];
        GridGeometry grid = grid(level).window(window.column(), window.row(), window.width(), window.height());
        // Each chunk is decoded as soon as its bytes are in, while the others are still on their way.
        List<CompletableFuture<ByteBuffer>> fetched = source.readEach(plan.ranges());
        List<CompletableFuture<Void>> tasks = new ArrayList<>(fetched.size());
        int next = 0;
        byte[] fill = fillValue(image.sampleType());
        for (ChunkPlan.Chunk c : plan.chunks()) {
            if (c.sparse()) {
                if (fill != null) {
                    Assembler.fill(image, c, fill, window, b, out);
                }
                continue;
            }
            tasks.add(fetched.get(next++).thenCompose(first -> decodeChunk(plan, c, first, out)));
        }
        return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new))
                .thenApply(v -> Raster.wrap(image.sampleType(), grid, metadata.nodata(), out));
    }

    /**
     * Decodes a chunk from the bytes fetched first ({@link ChunkPlan#firstFetch}); when they were a
     * prefix that turned out too short for the rows needed, fetches the rest of the chunk and
     * decodes again.
     */
    private CompletableFuture<Void> decodeChunk(ChunkPlan plan, ChunkPlan.Chunk c, ByteBuffer first, byte[][] out) {
        ByteRange fetched = plan.firstFetch(c);
        return CompletableFuture.supplyAsync(() -> {
            try {
                decodeInto(plan, c, first, fetched, out);
                return true;
            } catch (TruncatedDataException e) {
                if (fetched.length() == c.range().length()) {
                    throw e;
                }
                return false;
            }
        }, DecodePool.EXECUTOR).thenCompose(done -> done ? CompletableFuture.<Void>completedFuture(null)
                : source.read(ByteRange.of(fetched.end(), c.range().length() - fetched.length()))
                        .thenAcceptAsync(rest -> decodeInto(plan, c, concat(first, rest), c.range(), out),
                                DecodePool.EXECUTOR));
    }

    private static ByteBuffer concat(ByteBuffer first, ByteBuffer rest) {
        ByteBuffer all = ByteBuffer.allocate(first.remaining() + rest.remaining());
        all.put(first.duplicate()).put(rest.duplicate()).flip();
        return all;
    }

    private void decodeInto(ChunkPlan plan, ChunkPlan.Chunk c, ByteBuffer buf, ByteRange fetched, byte[][] out) {
        ImageStructure image = plan.image();
        Window window = plan.window();
        String where = location() + ", IFD " + image.ifdIndex() + ", " + (image.tiled() ? "tile " : "strip ")
                + c.index();
        if (buf.remaining() != fetched.length()) {
            throw new MalformedFileException(where + ": expected " + fetched.length() + " bytes at offset "
                    + fetched.offset() + ", got " + buf.remaining());
        }
        byte[] array;
        int off;
        if (buf.hasArray()) {
            array = buf.array();
            off = buf.arrayOffset() + buf.position();
        } else {
            array = new byte[buf.remaining()];
            buf.duplicate().get(array);
            off = 0;
        }
        int rowsNeeded = plan.rowsNeeded(c);
        if (ChunkDecoder.storedAsSamples(image, tiff.header().order())) {
            ChunkDecoder.checkStoredLength(image, c.row(), rowsNeeded, buf.remaining(), where);
            Assembler.copy(image, c, array, off, window, plan.bands(), out);
            return;
        }
        int firstRow = window.row() - c.row() * image.chunkHeight();
        byte[] decoded = ChunkBuffers.atLeast(ChunkDecoder.decodedBytes(image, c.row(), rowsNeeded));
        ChunkDecoder.decode(image, tiff.header().order(), c.row(), firstRow, rowsNeeded, array, off,
                buf.remaining(), decoded, where);
        Assembler.copy(image, c, decoded, 0, window, plan.bands(), out);
    }

    /** The little-endian bytes of the nodata value for sparse chunks, or null when zeros will do. */
    private byte[] fillValue(SampleType type) {
        if (metadata.nodata().isEmpty() || metadata.nodata().getAsDouble() == 0) {
            return null;
        }
        return Samples.encode(type, metadata.nodata().getAsDouble());
    }

    private static int[] allBands(int n) {
        int[] b = new int[n];
        Arrays.setAll(b, i -> i);
        return b;
    }


    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        ImageStructure m = levels.get(0);
        return "GeoTiff[" + location() + ", " + m.width() + "x" + m.height() + "x" + m.samplesPerPixel() + " "
                + m.sampleType() + ", " + (levels.size() - 1) + " overview(s)]";
    }
}
