package org.cogcube.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real GDAL as a test oracle: what cogcube reads must equal what GDAL reads, and what cogcube
 * writes GDAL must read and its COG validator must accept.
 *
 * <p>Every method runs GDAL in a child process ({@value #PYTHON} with the osgeo module, or the GDAL
 * command-line tools) with a deadline, and fails with an {@link AssertionError} carrying GDAL's
 * standard error when GDAL fails. Paths may be local files or GDAL virtual paths such as
 * {@code /vsicurl/http://127.0.0.1:PORT/x.tif}. Every child gets {@link #DEFAULT_ENV}, then the
 * overrides a caller passes.
 *
 * <p>Windows are read in pixel space: {@code band} counts from 1, {@code overview} is -1 for full
 * resolution and 0 for the first (largest) overview, and values come back row by row.
 *
 * <p>GDAL 3.6 has no signed-byte type: it reads SampleFormat 2 / 8-bit bands as Byte and marks them
 * with PIXELTYPE=SIGNEDBYTE. This class reports such a band as "Int8" and returns its values signed.
 */
public final class Gdal {

    /** Debian's interpreter: the one that sees the osgeo module (the first python3 on PATH may not). */
    public static final String PYTHON = "/usr/bin/python3";

    /** How long one GDAL process may run unless a caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The environment every child starts from: no directory listing when opening a /vsicurl/ URL
     * (one request less, and none for a listing the server may refuse), and no .aux.xml side files
     * written beside fixtures.
     */
    public static final Map<String, String> DEFAULT_ENV = Map.of(
            "GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR",
            "GDAL_PAM_ENABLED", "NO");

    private Gdal() {
    }

    /** The values of a window of one band as GDAL reads them, as doubles (float NaN preserved). */
    public static double[] readWindow(String path, int band, int xoff, int yoff, int width, int height,
            int overview) {
        return readWindow(Map.of(), path, band, xoff, yoff, width, height, overview);
    }

    /** {@link #readWindow(String, int, int, int, int, int, int)} with extra environment variables. */
    public static double[] readWindow(Map<String, String> env, String path, int band, int xoff, int yoff,
            int width, int height, int overview) {
        RawWindow window = read(env, "data", path, band, xoff, yoff, width, height, overview);
        return decode(window.dataType, window.bytes);
    }

    /**
     * The bytes of a window of one band in GDAL's native data type for the band, little-endian, as
     * {@code ReadRaster} gives them: width * height samples of {@code info(path).band(b).dataType()}.
     */
    public static byte[] readWindowRaw(String path, int band, int xoff, int yoff, int width, int height,
            int overview) {
        return readWindowRaw(Map.of(), path, band, xoff, yoff, width, height, overview);
    }

    /** {@link #readWindowRaw(String, int, int, int, int, int, int)} with extra environment variables. */
    public static byte[] readWindowRaw(Map<String, String> env, String path, int band, int xoff, int yoff,
            int width, int height, int overview) {
        return read(env, "data", path, band, xoff, yoff, width, height, overview).bytes;
    }

    /**
     * A window of the mask GDAL derives for one band (0 no data, 255 valid): an internal mask, an
     * alpha band, the nodata value, or all 255 when the band has none.
     */
    public static int[] readMaskWindow(String path, int band, int xoff, int yoff, int width, int height,
            int overview) {
        byte[] bytes = read(Map.of(), "mask", path, band, xoff, yoff, width, height, overview).bytes;
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    /** GDAL's COG validator's verdict on a file. Never fails for an invalid COG: it says so. */
    public static CogValidation validateCog(Path file) {
        CommandResult result = execute(Map.of(), DEFAULT_TIMEOUT, PYTHON, "-m",
                "osgeo_utils.samples.validate_cloud_optimized_geotiff", file.toString());
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            result.orFail();
        }
        return new CogValidation(result.succeeded(), (result.stdout() + result.stderr()).strip());
    }

    /** What GDAL reports about a raster: size, bands, georeferencing, structure, overviews. */
    public static GdalInfo info(String path) {
        return info(Map.of(), path);
    }

    /** {@link #info(String)} with extra environment variables. */
    public static GdalInfo info(Map<String, String> env, String path) {
        String text = output(env, DEFAULT_TIMEOUT, PYTHON, "-c", GdalScripts.INFO, path);
        return GdalInfoParser.parse(text, path);
    }

    /** Runs a command (a GDAL tool, usually) and fails with its standard error if it fails. */
    public static void run(String... command) {
        run(Map.of(), DEFAULT_TIMEOUT, command);
    }

    /** {@link #run(String...)} with extra environment variables and a deadline. */
    public static void run(Map<String, String> env, Duration timeout, String... command) {
        execute(env, timeout, command).orFail();
    }

    /** Runs a command and returns its standard output; fails with its standard error if it fails. */
    public static String output(String... command) {
        return output(Map.of(), DEFAULT_TIMEOUT, command);
    }

    /** {@link #output(String...)} with extra environment variables and a deadline. */
    public static String output(Map<String, String> env, Duration timeout, String... command) {
        return execute(env, timeout, command).orFail().stdout();
    }

    /**
     * Runs a command and returns how it ended, failed or not (for tests that expect GDAL to refuse
     * something). Fails only when the command cannot start or outlives {@code timeout}.
     */
    public static CommandResult execute(Map<String, String> env, Duration timeout, String... command) {
        Map<String, String> merged = new HashMap<>(DEFAULT_ENV);
        merged.putAll(env);
        return Commands.execute(merged, timeout, List.of(command));
    }

    /**
     * A fixture file of src/test/resources/fixtures, found on the test class path. When the
     * fixtures come inside a jar (the core's test jar, used by the modules above), the file is
     * copied out once to a temporary folder, since GDAL reads files, not class path entries.
     */
    public static Path fixture(String name) {
        URL url = Gdal.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new AssertionError("no fixture " + name + " on the class path (expected in "
                    + "cogcube-core/src/test/resources/fixtures; see make-fixtures.sh there)");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new AssertionError("fixture " + name + " is not a plain file: " + url, e);
            }
        }
        synchronized (Gdal.class) {
            try {
                if (extracted == null) {
                    extracted = Files.createTempDirectory("cogcube-fixtures-");
                    extracted.toFile().deleteOnExit();
                }
                Path file = extracted.resolve(name);
                if (!Files.exists(file)) {
                    try (java.io.InputStream in = url.openStream()) {
                        Files.copy(in, file);
                    }
                    file.toFile().deleteOnExit();
                }
                return file;
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot copy fixture " + name + " out of " + url, e);
            }
        }
    }

    private static Path extracted;

    private record RawWindow(String dataType, byte[] bytes) {
    }

    private static RawWindow read(Map<String, String> env, String what, String path, int band, int xoff,
            int yoff, int width, int height, int overview) {
        Path out = null;
        try {
            out = Files.createTempFile("cogcube-gdal-window-", ".raw");
            String dataType = output(env, DEFAULT_TIMEOUT, PYTHON, "-c", GdalScripts.WINDOW, path,
                    Integer.toString(band), Integer.toString(xoff), Integer.toString(yoff),
                    Integer.toString(width), Integer.toString(height), Integer.toString(overview), what,
                    out.toString()).strip();
            byte[] bytes = Files.readAllBytes(out);
            long expected = (long) width * height * bytesPerSample(dataType);
            if (bytes.length != expected) {
                throw new AssertionError("GDAL gave " + bytes.length + " bytes for a " + width + "x" + height
                        + " window of " + dataType + " from " + path + ", expected " + expected);
            }
            return new RawWindow(dataType, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Commands.delete(out);
        }
    }

    private static int bytesPerSample(String dataType) {
        return switch (dataType) {
            case "Byte", "Int8" -> 1;
            case "UInt16", "Int16" -> 2;
            case "UInt32", "Int32", "Float32" -> 4;
            case "Float64" -> 8;
            default -> throw new AssertionError("GDAL data type " + dataType + " is not one cogcube reads"
                    + " (expected Byte, Int8, UInt16, Int16, UInt32, Int32, Float32 or Float64)");
        };
    }

    private static double[] decode(String dataType, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[bytes.length / bytesPerSample(dataType)];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dataType) {
                case "Byte" -> buffer.get() & 0xFF;
                case "Int8" -> buffer.get();
                case "UInt16" -> buffer.getShort() & 0xFFFF;
                case "Int16" -> buffer.getShort();
                case "UInt32" -> buffer.getInt() & 0xFFFFFFFFL;
                case "Int32" -> buffer.getInt();
                case "Float32" -> buffer.getFloat();
                case "Float64" -> buffer.getDouble();
                default -> throw new AssertionError("unreachable: " + dataType);
            };
        }
        return values;
    }

    /** Parses the line format {@link GdalScripts#INFO} prints. */
    private static final class GdalInfoParser {

        static GdalInfo parse(String text, String path) {
            int width = -1;
            int height = -1;
            List<GdalInfo.Band> bands = new ArrayList<>();
            double[] geoTransform = null;
            Integer epsg = null;
            String wkt = null;
            Map<String, String> structure = new HashMap<>();
            String areaOrPoint = null;
            List<GdalInfo.Size> overviews = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "size" -> {
                        width = Integer.parseInt(f[1]);
                        height = Integer.parseInt(f[2]);
                    }
                    case "band" -> bands.add(new GdalInfo.Band(f[1], number(f[2]), number(f[3]),
                            number(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                            Integer.parseInt(f[7])));
                    case "geotransform" -> {
                        geoTransform = new double[6];
                        for (int i = 0; i < 6; i++) {
                            geoTransform[i] = number(f[i + 1]);
                        }
                    }
                    case "epsg" -> epsg = Integer.valueOf(f[1]);
                    case "wkt" -> wkt = f[1];
                    case "compression", "interleave", "layout" -> structure.put(f[0], f[1]);
                    case "area_or_point" -> areaOrPoint = f[1];
                    case "overview" -> overviews.add(
                            new GdalInfo.Size(Integer.parseInt(f[1]), Integer.parseInt(f[2])));
                    default -> throw new AssertionError("unexpected line from the GDAL info script for "
                            + path + ": " + line);
                }
            }
            if (width < 0) {
                throw new AssertionError("the GDAL info script printed no size for " + path + ":\n" + text);
            }
            return new GdalInfo(width, height, bands, geoTransform, epsg, wkt, structure.get("compression"),
                    structure.get("interleave"), "COG".equals(structure.get("layout")), areaOrPoint,
                    overviews);
        }

        /** A number as the script prints it: Java's spelling of NaN and infinities, "none" for absent. */
        private static Double number(String text) {
            return text.equals("none") ? null : Double.valueOf(text);
        }
    }
}
