package org.cogcube.vrt;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.cog.HeaderCache;
import org.cogcube.geo.GridGeometry;
import org.cogcube.io.ByteRange;
import org.cogcube.io.Futures;
import org.cogcube.io.OpenOptions;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;

/**
 * An opened GDAL VRT mosaic, local or remote: its grid, bands and window reads, painted from its
 * sources (GeoTIFFs, or nested VRTs) as GDAL paints them.
 *
 * <p>Opening reads the VRT document only. A read opens the source rasters the window touches,
 * all at once (each the first time only; opened sources are kept until {@link #close()}), then
 * reads from each the window it needs, all at once, and paints them in painting order. Sources
 * the window does not touch are never opened. Thread-safe: many reads may run at once.
 */
public final class Vrt implements RasterSource, AutoCloseable {
    /** The largest VRT document read, in bytes. */
    static final int MAX_DOCUMENT = 64 << 20;

    private final VrtDocument document;
    private final SourcePool sources;

    private Vrt(VrtDocument document, SourcePool sources) {
        this.document = document;
        this.sources = sources;
    }

    /** Opens a local path, a {@code file:} URI or an http(s) URL; blocks until the document is read. */
    public static Vrt open(String pathOrUrl) {
        return Futures.join(openAsync(pathOrUrl, OpenOptions.defaults()));
    }

    public static Vrt open(Path path) {
        return open(path.toString());
    }

    /** Opens a VRT and its sources with {@link RangeReaders#open(String, OpenOptions)}. */
    public static CompletableFuture<Vrt> openAsync(String location, OpenOptions options) {
        return openAsync(location, l -> RangeReaders.open(l, options), w -> { });
    }

    /**
     * Opens a VRT, reading it and every source raster through {@code readers}.
     *
     * @param location a local path, a {@code file:} URI or an http(s) URL
     * @param readers gives a reader for a location (the VRT's own, then its sources'); the Vrt closes
     *     the readers it gets
     * @param warnings told of what was skipped (unknown elements, masks, GCPs)
     */
    public static CompletableFuture<Vrt> openAsync(String location, Function<String, RangeReader> readers,
            Consumer<String> warnings) {
        try {
            return openAsync(location, OpenContext.top(readers, warnings).enter(location));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Opens a VRT as {@link #openAsync(String, Function, Consumer)} does, keeping its GeoTIFF
     * sources' headers in {@code headers}: opening the same unchanged sources again, for this VRT
     * or another, reads no header.
     */
    public static CompletableFuture<Vrt> openAsync(String location, Function<String, RangeReader> readers,
            Consumer<String> warnings, HeaderCache headers) {
        try {
            return openAsync(location, OpenContext.top(readers, warnings, headers).enter(location));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Opens a VRT within a context whose chain already ends with this VRT. */
    static CompletableFuture<Vrt> openAsync(String location, OpenContext context) {
        return context.reader(location).thenCompose(reader -> reader.read(ByteRange.of(0, MAX_DOCUMENT + 1L))
                .whenComplete((b, f) -> reader.close()))
                .thenApply(buffer -> {
                    if (buffer.remaining() > MAX_DOCUMENT) {
                        throw new MalformedFileException(location + ": a VRT document larger than " + MAX_DOCUMENT
                                + " bytes is refused");
                    }
                    return of(bytes(buffer), location, context);
                });
    }

    static Vrt of(byte[] xml, String location, OpenContext context) {
        VrtDocument doc = VrtParser.parse(xml, location, context.warnings());
        SampleType type = doc.bands().get(0).type();
        for (int b = 1; b < doc.bands().size(); b++) {
            if (doc.bands().get(b).type() != type) {
                throw new UnsupportedFeatureException(location + ": bands of different data types (band 1 is "
                        + type.gdalName() + ", band " + (b + 1) + " is " + doc.bands().get(b).type().gdalName()
                        + ") are not supported");
            }
        }
        return new Vrt(doc, new SourcePool(context));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /** The VRT's path or URL. */
    public String location() {
        return document.location();
    }

    @Override
    public GridGeometry grid() {
        return document.grid();
    }

    /** The data type of every band. */
    @Override
    public SampleType type() {
        return document.bands().get(0).type();
    }

    @Override
    public int bandCount() {
        return document.bands().size();
    }

    /** The nodata value of band 1. */
    @Override
    public OptionalDouble nodata() {
        return nodata(0);
    }

    /** The nodata value of a band (0-based), which also fills what no source paints. */
    public OptionalDouble nodata(int band) {
        return band(band).nodata();
    }

    @Override
    public double[] scales() {
        return document.bands().stream().mapToDouble(VrtBand::scale).toArray();
    }

    @Override
    public double[] offsets() {
        return document.bands().stream().mapToDouble(VrtBand::offset).toArray();
    }

    /** All bands of a window; blocks. */
    @Override
    public Raster read(Window window) {
        return Futures.join(readAsync(window));
    }

    /** A window of some bands (0-based; all when none are given); blocks. */
    public Raster read(Window window, int... bands) {
        return Futures.join(readAsync(window, bands));
    }

    /**
     * Reads a window of some bands (0-based; all when none are given) at full resolution. Bands
     * read together must share their nodata value (it is the result's).
     */
    public CompletableFuture<Raster> readAsync(Window window, int... bands) {
        int[] b = bands.length == 0 ? allBands() : bands.clone();
        OptionalDouble nodata = nodata(b[0]);
        for (int i : b) {
            if (!sameNodata(nodata(i), nodata)) {
                throw new IllegalArgumentException("bands " + (b[0] + 1) + " and " + (i + 1) + " of " + location()
                        + " have different nodata values (" + nodata + ", " + nodata(i) + "); read them apart");
            }
        }
        return paintAsync(window, b, nodata);
    }

    /** Reads without checking that the bands share nodata (for a VRT that is another's source). */
    CompletableFuture<Raster> paintAsync(Window window, int[] bands, OptionalDouble nodata) {
        if (!window.within(grid().width(), grid().height())) {
            throw new IllegalArgumentException(window + " lies outside " + location() + " (" + grid().width() + " x "
                    + grid().height() + ")");
        }
        long bandBytes = window.pixels() * type().bytes();
        if (bandBytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(window + " of " + type() + " is too large for one read (" + bandBytes
                    + " bytes per band); read it in parts");
        }
        byte[][] out = new byte[bands.length][];
        SampleType[] types = new SampleType[bands.length];
        for (int i = 0; i < bands.length; i++) {
            VrtBand band = band(bands[i]);
            types[i] = band.type();
            out[i] = new byte[(int) bandBytes];
            fill(out[i], band);
        }
        ReadPlan plan = ReadPlan.of(document, window, bands);
        GridGeometry grid = grid().window(window.column(), window.row(), window.width(), window.height());
        return WindowRead.run(plan, sources, out, types).thenApply(v -> Raster.wrap(type(), grid, nodata, out));
    }

    /** Fills a band's samples with its nodata value (converted to its type), or leaves the zeros. */
    private static void fill(byte[] samples, VrtBand band) {
        if (band.nodata().isEmpty()) {
            return;
        }
        byte[] value = Conversion.encode(band.type(), band.nodata().getAsDouble());
        boolean zero = true;
        for (byte x : value) {
            zero &= x == 0;
        }
        if (zero) {
            return;
        }
        for (int i = 0; i < samples.length; i += value.length) {
            System.arraycopy(value, 0, samples, i, value.length);
        }
    }

    private VrtBand band(int band) {
        if (band < 0 || band >= document.bands().size()) {
            throw new IllegalArgumentException("band " + band + " asked of " + location() + ", which has bands 0 to "
                    + (document.bands().size() - 1));
        }
        return document.bands().get(band);
    }

    private int[] allBands() {
        int[] b = new int[bandCount()];
        Arrays.setAll(b, i -> i);
        return b;
    }

    private static boolean sameNodata(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() == b.isPresent()
                && (a.isEmpty() || Double.compare(a.getAsDouble(), b.getAsDouble()) == 0);
    }

    /** How many source rasters are open or opening (for tests). */
    int openedSources() {
        return sources.size();
    }

    VrtDocument document() {
        return document;
    }

    /** Closes every source raster opened. */
    @Override
    public void close() {
        sources.close();
    }

    @Override
    public String toString() {
        return "Vrt[" + location() + ", " + grid().width() + "x" + grid().height() + "x" + bandCount() + " "
                + type() + "]";
    }

}
