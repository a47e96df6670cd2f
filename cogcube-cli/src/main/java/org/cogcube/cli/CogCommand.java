package org.cogcube.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.cog.GeoTiff;
import org.cogcube.cog.Resampling;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;
import org.cogcube.vrt.Vrt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube cog}: rewrite a GeoTIFF as a Cloud Optimized GeoTIFF. */
@Command(name = "cog", mixinStandardHelpOptions = true,
        description = {"Write a GeoTIFF as a Cloud Optimized GeoTIFF: tiled, compressed, with overviews,",
            "laid out as GDAL's COG driver does, so GDAL, QGIS and any COG reader open it.",
            "The input may be striped or tiled, local or remote. OUT is replaced atomically:",
            "a reader never sees a half-written file. Memory stays bounded for any image size."},
        footer = {"", "Examples:",
            "  cogcube cog scene_B04.tif B04.tif",
            "  cogcube cog --resampling mode landuse.tif landuse_cog.tif",
            "  cogcube cog 2018-01-02_B04.vrt B04.tif          (a VRT mosaic of chunks into one COG)",
            "  cogcube cog --compress zstd --blocksize 256 ndvi.tif ndvi_cog.tif",
            "  cogcube cog --overviews none rain.tif rain_cog.tif"})
final class CogCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN",
            description = "The GeoTIFF or GDAL VRT mosaic (.vrt) to read: a path or an http(s) URL.")
    String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The COG to write (replaced if it exists).")
    Path output;

    @Option(names = "--compress", defaultValue = "deflate", paramLabel = "METHOD",
            description = "deflate, lzw, zstd or none (default: ${DEFAULT-VALUE}).")
    String compress;

    @Option(names = "--level", paramLabel = "N",
            description = "Compression level: deflate 1-9 (default 2, which compresses imagery as well as GDAL's 6, faster), "
                    + "zstd 1-22 (default 9).")
    Integer level;

    @Option(names = "--predictor", defaultValue = "auto", paramLabel = "P",
            description = "auto (2 for integers, 3 for floats), none, 2 (horizontal) or 3 (floating point).")
    String predictor;

    @Option(names = "--blocksize", defaultValue = "512", paramLabel = "PIXELS",
            description = "Tile width and height, a multiple of 16 (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--overviews", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (halve until the image fits one tile) or none.")
    String overviews;

    @Option(names = "--resampling", defaultValue = "average", paramLabel = "METHOD",
            description = "How overviews are computed: average (continuous values), nearest, or mode "
                    + "(categorical layers such as land use). Default: ${DEFAULT-VALUE}.")
    String resampling;

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "Declare this nodata value (e.g. -9999 or nan) instead of the input's.")
    String nodata;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (for cron and scripts).")
    boolean quiet;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CogOptions options = options();
        long start = System.nanoTime();
        try (Progress progress = Progress.start("cog", quiet)) {
            if (Inputs.isVrt(input)) {
                try (Vrt in = Vrt.open(input)) {
                    CogWriter.write(in, output, options, progress::rows);
                }
            } else {
                try (GeoTiff in = GeoTiff.open(input)) {
                    CogWriter.write(in, output, options, progress::rows);
                }
            }
        }
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            try (GeoTiff written = GeoTiff.open(output)) {
                out.printf(Locale.ROOT, "wrote %s: %d x %d, %d band(s) of %s, %d overview(s), %s, %.1f s%n", output,
                        written.level(0).width(), written.level(0).height(), written.bandCount(),
                        written.type().gdalName(), written.levelCount() - 1, bytes(sizeOf(output)),
                        (System.nanoTime() - start) / 1e9);
            }
            out.flush();
        }
        return 0;
    }

    CogOptions options() {
        Compression c = switch (compress.toLowerCase(Locale.ROOT)) {
            case "deflate" -> Compression.DEFLATE;
            case "lzw" -> Compression.LZW;
            case "zstd" -> Compression.ZSTD;
            case "none" -> Compression.NONE;
            default -> throw usage("--compress must be deflate, lzw, zstd or none, not '" + compress + "'");
        };
        CogOptions o = CogOptions.defaults().withCompression(c);
        if (level != null) {
            int max = c == Compression.ZSTD ? 22 : 9;
            if (level < 1 || level > max) {
                throw usage("--level for " + compress + " must be 1 to " + max + ", not " + level);
            }
            o = o.withLevel(level);
        }
        o = switch (predictor.toLowerCase(Locale.ROOT)) {
            case "auto" -> o;
            case "none", "1" -> o.withPredictor(Predictor.NONE);
            case "2", "horizontal" -> o.withPredictor(Predictor.HORIZONTAL);
            case "3", "float", "floating_point" -> o.withPredictor(Predictor.FLOATING_POINT);
            default -> throw usage("--predictor must be auto, none, 2 or 3, not '" + predictor + "'");
        };
        if (blockSize < 16 || blockSize > 4096 || blockSize % 16 != 0) {
            throw usage("--blocksize must be a multiple of 16 from 16 to 4096, not " + blockSize);
        }
        o = o.withBlockSize(blockSize);
        o = switch (overviews.toLowerCase(Locale.ROOT)) {
            case "auto" -> o.withOverviews(true);
            case "none" -> o.withOverviews(false);
            default -> throw usage("--overviews must be auto or none, not '" + overviews + "'");
        };
        try {
            o = o.withResampling(Resampling.parse(resampling));
        } catch (IllegalArgumentException e) {
            throw usage("--resampling: " + e.getMessage());
        }
        if (nodata != null) {
            o = o.withNodata(Inputs.nodata(nodata, spec.commandLine()));
        }
        return o;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
    }
}
