package org.cogcube.cog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cogcube.CogcubeException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.raster.Window;
import org.cogcube.tiff.codec.Predictor;

/**
 * Writes Cloud Optimized GeoTIFFs in GDAL's COG layout, which GDAL's validator accepts and
 * {@code gdalinfo} reports as {@code LAYOUT=COG}.
 *
 * <p>The source is read strip by strip (one row of tiles at a time) on the calling thread, which
 * also computes the overviews' rows from the rows in memory, while each level's tiles are
 * compressed on every core ({@link EncodePool}, not the threads that decode the source) and
 * spooled to a temporary file beside the output. A level waits once it has a few rows of tiles
 * compressing, so heap use is bounded by a few rows of tiles whatever the image size. The file is then assembled (header, every IFD, the smallest
 * overview's tiles first) into a temporary name and renamed into place: a reader never sees a
 * half-written COG.
 */
public final class CogWriter {
    private CogWriter() {
    }

    /** Told how many rows of the full resolution have been read, out of how many. */
    @FunctionalInterface
    public interface Progress {
        void rows(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    public static void write(RasterSource source, Path out, CogOptions options) {
        write(source, out, options, Progress.NONE);
    }

    /** Writes the source as a COG at {@code out}, replacing it atomically if it exists. */
    public static void write(RasterSource source, Path out, CogOptions options, Progress progress) {
        write(source, out, options, progress, CogAssembler.CLASSIC_LIMIT);
    }

    /** As {@link #write(RasterSource, Path, CogOptions, Progress)}, writing BigTIFF above {@code classicLimit} bytes. */
    static void write(RasterSource source, Path out, CogOptions options, Progress progress, long classicLimit) {
        SampleType type = source.type();
        Predictor predictor = options.predictorFor(type);
        if (predictor == Predictor.FLOATING_POINT && !type.isFloatingPoint()) {
            throw new UnsupportedFeatureException("predictor 3 (floating point) needs float samples; the source holds "
                    + type.gdalName() + " (use predictor 2)");
        }
        Path dir = out.toAbsolutePath().getParent();
        OptionalDouble nodata = options.nodata().isPresent() ? options.nodata() : source.nodata();
        List<int[]> sizes = levelSizes(source.grid().width(), source.grid().height(), options);
        List<Path> temps = new ArrayList<>();
        List<FileChannel> channels = new ArrayList<>();
        LevelWriter[] levels = new LevelWriter[sizes.size()];
        try {
            Files.createDirectories(dir);
            byte[] fill = nodata.isPresent() ? Samples.encode(type, nodata.getAsDouble()) : null;
            for (int k = sizes.size() - 1; k >= 0; k--) {
                Path t = newFile(dir, ".cogcube-level" + k + "-", ".tmp");
                temps.add(t);
                FileChannel ch = FileChannel.open(t, StandardOpenOption.READ, StandardOpenOption.WRITE);
                channels.add(ch);
                int[] s = sizes.get(k);
                LevelWriter next = k + 1 < sizes.size() ? levels[k + 1] : null;
                Downsampler down = next == null ? null : new Downsampler(type, options.resampling(), s[0], s[1],
                        next.width, next.height, nodata.orElse(0), nodata.isPresent());
                TileEncoder levelEncoder = new TileEncoder(type, source.bandCount(), options.blockSize(), s[0],
                        options.compression(), options.level(), predictor, fill);
                levels[k] = new LevelWriter(s[0], s[1], options.blockSize(), source.bandCount(), levelEncoder, ch, next,
                        down);
            }
            stream(source, levels[0], options.blockSize(), progress);
            levels[0].finish();
            Path partial = partialFile(out);
            temps.add(partial);
            new CogAssembler(type, source.bandCount(), options, predictor, nodata, source).assemble(levels, partial,
                    classicLimit);
            moveIntoPlace(partial, out);
        } catch (IOException e) {
            throw new CogcubeException("writing " + out + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CogcubeException("writing " + out + ": " + e.getMessage(), e);
        } finally {
            for (LevelWriter l : levels) {
                if (l != null) {
                    l.abandon();
                }
            }
            for (FileChannel ch : channels) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a temporary file we are about to delete
                }
            }
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is named .cogcube-*.tmp
                }
            }
        }
    }

    /** Reads the source one row of tiles at a time and feeds the full-resolution level. */
    private static void stream(RasterSource source, LevelWriter level0, int blockSize, Progress progress) {
        int w = source.grid().width();
        int h = source.grid().height();
        int bands = source.bandCount();
        int bytes = source.type().bytes();
        for (int y = 0; y < h; y += blockSize) {
            int n = Math.min(blockSize, h - y);
            Raster strip = source.read(Window.of(0, y, w, n));
            if (strip.width() != w || strip.height() != n || strip.bandCount() != bands
                    || strip.type() != source.type()) {
                throw new IllegalStateException("the source returned " + strip + " for " + Window.of(0, y, w, n));
            }
            ByteBuffer[] data = new ByteBuffer[bands];
            for (int b = 0; b < bands; b++) {
                data[b] = strip.data(b);
            }
            List<ByteBuffer[]> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                ByteBuffer[] row = new ByteBuffer[bands];
                for (int b = 0; b < bands; b++) {
                    row[b] = data[b].slice(r * w * bytes, w * bytes).order(ByteOrder.LITTLE_ENDIAN);
                }
                rows.add(row);
            }
            level0.accept(rows);
            progress.rows(y + n, h);
        }
    }

    /**
     * The sizes of the levels: the full resolution, then, when overviews are on, halves (rounded
     * down, at least 1) until both sides fit one tile, as GDAL's COG driver does.
     */
    static List<int[]> levelSizes(int width, int height, CogOptions options) {
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {width, height});
        int w = width;
        int h = height;
        while (options.overviews() && (w > options.blockSize() || h > options.blockSize())) {
            w = Math.max(1, w / 2);
            h = Math.max(1, h / 2);
            sizes.add(new int[] {w, h});
        }
        return sizes;
    }

    /**
     * A new empty file beside {@code out}, hidden, with the default permissions a new file gets
     * (unlike a temporary file's owner-only ones), so the COG it becomes is readable by a server.
     */
    static Path partialFile(Path out) throws IOException {
        return newFile(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".", ".partial");
    }

    /**
     * A new empty file in {@code dir} named {@code prefix}, a unique number and {@code suffix}. Not
     * {@link Files#createTempFile}, whose random names start the JDK's secure random generator (tens
     * of milliseconds of a fresh JVM) for files that never outlive the write.
     */
    private static Path newFile(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toHexString(System.nanoTime()) + "-" + Thread.currentThread().getId()
                    + suffix);
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path out) throws IOException {
        try {
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** GDAL's ghost header: structural metadata that tells readers the layout. */
    static byte[] ghostHeader() {
        String body = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
                + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";
        String head = String.format("GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", body.length());
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }
}
