package org.cogcube.subset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.cogcube.MalformedFileException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;

/**
 * The endpoint's answer, {@value #MEDIA_TYPE}: one entry per file asked, in the order asked.
 * Big-endian binary: the magic {@code CCUT}, a format byte ({@value #FORMAT}), the entry count (u16),
 * then per entry: file and version (Java modified UTF-8, u16 length first), the grid (width and
 * height i32, the six GDAL geotransform coefficients f64, the EPSG code i32), the sample type
 * (TIFF SampleFormat u8, BitsPerSample u8), nodata (u8 flag, f64), the cut's {@link Kind} (u8)
 * and, for {@link Kind#WINDOW}, the window (column, row, width, height i32) and its samples of the
 * first band: little-endian, row by row, through TIFF's horizontal predictor (the floating point
 * one for floats), then deflated (zlib), their length (i32) first.
 *
 * <p>Only the window's pixels inside the region (as the request's region and all-touched rule
 * rasterise on the file's grid) carry the file's values; the others repeat their row's nearest
 * value inside to the left (or the first one inside, or 0 in a row with none), which the
 * predictor turns into zeros: a field's bounding box is often half outside it, and those pixels
 * would otherwise cost as many bytes on the wire as the field's own. A client masks them away.
 */
public final class CutAnswer {
    /** The media type of an answer. */
    public static final String MEDIA_TYPE = "application/vnd.cogcube.cut";
    static final int FORMAT = 1;
    private static final byte[] MAGIC = {'C', 'C', 'U', 'T'};

    private CutAnswer() {
    }

    /** Where a file's cut lies. */
    public enum Kind {
        /** The region shares no point with the file's grid (a range read fails here). */
        REGION_OUTSIDE,
        /** The cut's rectangle lies outside the grid: no samples to read. */
        NO_WINDOW,
        /** The cut's window inside the grid, with its samples. */
        WINDOW
    }

    /**
     * What the answer says of one file.
     *
     * @param file the file as asked
     * @param version the version of the file read (and of a VRT's sources), as the server names it
     * @param grid the file's grid
     * @param type the first band's sample type
     * @param nodata the first band's nodata value
     * @param kind where the cut lies
     * @param window the cut's window inside the grid, for {@link Kind#WINDOW}
     * @param packed the window's samples, predicted and deflated (empty without a window)
     */
    public record Entry(String file, String version, GridGeometry grid, SampleType type, OptionalDouble nodata,
            Kind kind, Optional<Window> window, byte[] packed) {

        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(nodata, "nodata");
            if (window.isPresent() != (kind == Kind.WINDOW)) {
                throw new IllegalArgumentException("a window comes with kind WINDOW and only with it");
            }
        }

        /** The entry of a file whose cut has a window, its samples packed from {@code raster}, every pixel kept. */
        public static Entry of(String file, String version, GridGeometry grid, OptionalDouble nodata, Window window,
                Raster raster) {
            return of(file, version, grid, nodata, window, raster, (column, row) -> true);
        }

        /**
         * The entry of a file whose cut has a window, its samples packed from {@code raster}; the
         * pixels that {@code inside} (column and row in the file's grid) refuses are filled as the
         * class comment says.
         */
        public static Entry of(String file, String version, GridGeometry grid, OptionalDouble nodata, Window window,
                Raster raster, Inside inside) {
            SampleType type = raster.type();
            byte[] samples = new byte[raster.data(0).remaining()];
            raster.data(0).duplicate().get(samples);
            fillOutside(samples, window, type.bytes(), inside);
            predictor(type).encode(samples, 0, window.width(), window.height(), 1, type, ByteOrder.LITTLE_ENDIAN);
            byte[] packed = Compression.DEFLATE.codec().encode(samples, 0, samples.length,
                    Compression.DEFLATE.defaultLevel());
            return new Entry(file, version, grid, type, nodata, Kind.WINDOW, Optional.of(window), packed);
        }

        /**
         * The window's samples as a raster on the window's grid; a {@link MalformedFileException}
         * naming {@code location} when they do not unpack to the window's size.
         */
        public Raster samples(String location) {
            Window w = window.orElseThrow(() -> new IllegalStateException("no window in the entry of " + file));
            long length = w.pixels() * type.bytes();
            if (length > Integer.MAX_VALUE - 16) {
                throw new MalformedFileException(location + ": the cut of " + file + " is " + w + ", too large to hold");
            }
            byte[] samples = inflate(location, (int) length);
            predictor(type).decode(samples, 0, w.width(), w.height(), 1, type, ByteOrder.LITTLE_ENDIAN);
            return Raster.wrap(type, grid.window(w.column(), w.row(), w.width(), w.height()), nodata, samples);
        }

        /**
         * The samples inflated by the JDK's zlib rather than cogcube's own decoder: a client reads an
         * answer once, in a process too short for the own decoder to be compiled, where zlib is
         * native from the first byte (150 entries of 50 x 50: about 60 ms of CPU down to about 20).
         */
        private byte[] inflate(String location, int length) {
            byte[] samples = new byte[length];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(packed);
                int done = 0;
                while (done < length && !inflater.finished()) {
                    int n = inflater.inflate(samples, done, length - done);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    done += n;
                }
                if (done < length || !inflater.finished() || inflater.getRemaining() > 0) {
                    throw new MalformedFileException(location + ": the samples of " + file + ": expected a zlib"
                            + " stream of exactly " + length + " bytes, found " + (done < length ? done + " bytes"
                            : "more, or bytes after its end"));
                }
                return samples;
            } catch (DataFormatException e) {
                throw new MalformedFileException(location + ": the samples of " + file + ": corrupt zlib stream: "
                        + e.getMessage(), e);
            } finally {
                inflater.end();
            }
        }
    }

    /** Which pixels of a file's grid are inside a cut's region. */
    @FunctionalInterface
    public interface Inside {
        boolean contains(int column, int row);
    }

    /** Fills the samples of the pixels outside, row by row, with the nearest inside value to their left (else the first). */
    static void fillOutside(byte[] samples, Window w, int bytes, Inside inside) {
        int width = w.width();
        for (int y = 0; y < w.height(); y++) {
            int row = w.row() + y;
            int rowStart = y * width * bytes;
            int last = -1; // the last inside pixel seen in this row
            int firstInside = -1;
            for (int x = 0; x < width; x++) {
                if (inside.contains(w.column() + x, row)) {
                    if (firstInside < 0) {
                        firstInside = x;
                    }
                    last = x;
                } else if (last >= 0) {
                    System.arraycopy(samples, rowStart + last * bytes, samples, rowStart + x * bytes, bytes);
                }
            }
            if (firstInside < 0) {
                java.util.Arrays.fill(samples, rowStart, rowStart + width * bytes, (byte) 0);
            }
            for (int x = 0; x < firstInside; x++) {
                System.arraycopy(samples, rowStart + firstInside * bytes, samples, rowStart + x * bytes, bytes);
            }
        }
    }

    private static Predictor predictor(SampleType type) {
        return type.isFloatingPoint() ? Predictor.FLOATING_POINT : Predictor.HORIZONTAL;
    }

    /** The body of an answer. */
    public static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(FORMAT);
            out.writeShort(entries.size());
            for (Entry e : entries) {
                out.writeUTF(e.file());
                out.writeUTF(e.version());
                GridGeometry g = e.grid();
                out.writeInt(g.width());
                out.writeInt(g.height());
                for (double c : g.transform().toGdal()) {
                    out.writeDouble(c);
                }
                out.writeInt(g.crs().epsg());
                out.writeByte(e.type().sampleFormat());
                out.writeByte(e.type().bits());
                out.writeBoolean(e.nodata().isPresent());
                out.writeDouble(e.nodata().orElse(0));
                out.writeByte(e.kind().ordinal());
                if (e.window().isPresent()) {
                    Window w = e.window().get();
                    out.writeInt(w.column());
                    out.writeInt(w.row());
                    out.writeInt(w.width());
                    out.writeInt(w.height());
                    out.writeInt(e.packed().length);
                    out.write(e.packed());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an answer received from {@code location}, checking every count and size against the
     * body; a {@link MalformedFileException} naming the location for anything else.
     */
    public static List<Entry> decode(byte[] body, String location) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            byte[] magic = in.readNBytes(4);
            int format = in.read();
            if (!java.util.Arrays.equals(magic, MAGIC) || format != FORMAT) {
                throw new MalformedFileException(location + ": expected a cut answer (CCUT, format " + FORMAT
                        + "), found other bytes");
            }
            int count = in.readUnsignedShort();
            List<Entry> entries = new ArrayList<>(Math.min(count, CutRequest.MAX_FILES));
            for (int i = 0; i < count; i++) {
                entries.add(entry(in, location));
            }
            if (in.read() != -1) {
                throw new MalformedFileException(location + ": the cut answer runs on after its " + count + " entries");
            }
            return entries;
        } catch (IOException e) {
            throw new MalformedFileException(location + ": the cut answer is truncated: " + e, e);
        } catch (IllegalArgumentException | org.cogcube.UnsupportedFeatureException e) {
            throw new MalformedFileException(location + ": the cut answer is inconsistent: " + e.getMessage(), e);
        }
    }

    private static Entry entry(DataInputStream in, String location) throws IOException {
        String file = in.readUTF();
        String version = in.readUTF();
        int width = in.readInt();
        int height = in.readInt();
        double[] gt = new double[6];
        for (int i = 0; i < 6; i++) {
            gt[i] = in.readDouble();
        }
        GridGeometry grid = new GridGeometry(width, height, GeoTransform.fromGdal(gt), Crs.epsg(in.readInt()));
        SampleType type = SampleType.of(in.readUnsignedByte(), in.readUnsignedByte());
        boolean hasNodata = in.readBoolean();
        double nodata = in.readDouble();
        int kind = in.readUnsignedByte();
        if (kind >= Kind.values().length) {
            throw new MalformedFileException(location + ": the entry of " + file + " has an unknown kind " + kind);
        }
        Optional<Window> window = Optional.empty();
        byte[] packed = new byte[0];
        if (kind == Kind.WINDOW.ordinal()) {
            Window w = new Window(in.readInt(), in.readInt(), in.readInt(), in.readInt());
            if (!w.within(width, height)) {
                throw new MalformedFileException(location + ": the " + w + " of " + file + " leaves its grid of "
                        + width + " x " + height);
            }
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new MalformedFileException(location + ": the samples of " + file + " claim " + length
                        + " bytes, " + in.available() + " are left");
            }
            packed = in.readNBytes(length);
            window = Optional.of(w);
        }
        return new Entry(file, version, grid, type, hasNodata ? OptionalDouble.of(nodata) : OptionalDouble.empty(),
                Kind.values()[kind], window, packed);
    }
}
