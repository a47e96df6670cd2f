package org.cogcube.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cogcube.ingest.Derivation;
import org.cogcube.ingest.Ingest;
import org.cogcube.ingest.IngestOptions;
import org.cogcube.ingest.Input;
import org.cogcube.warp.Kernel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube ingest}: add or replace one date of a cube. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Add or replace one date of a cube. Each layer's inputs (GeoTIFFs or VRTs, local or",
            "remote, in any CRS and resolution) are reprojected and resampled onto the cube's grid,",
            "mosaicked (later inputs over earlier, nodata transparent) and written as a COG (or",
            "chunks and a VRT), then the catalogues are replaced. Safe from cron: readers never see",
            "a half-written file, a killed ingest leaves the previous cube intact, two ingests never",
            "run at once, and the same ingest twice gives the same files."},
        footer = {"", "Examples:",
            "  cogcube ingest cube --date 2018-01-02 --layer B04=T30TVK_B04.tif --layer B08=T30TVK_B08.tif \\",
            "      --resampling average --derive 'NDVI=(B08-B04)/(B08+B04)'",
            "  cogcube ingest cube --date 2018-01-02 --layer B04=a.tif,b.tif      (a mosaic: b over a)",
            "  cogcube ingest cube --date 2018-01-02 --layer LC=landuse.tif --layer-resampling LC=mode",
            "  cogcube ingest cube --date 2018-01-02 --layer B3=L7_ETMs.tif#3    (band 3 of a file)",
            "  cogcube ingest -q --no-wait cube --date 2018-01-02 --layer RAIN=https://example.org/rain.tif"})
final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CUBE_DIR", description = "A cube made by 'cogcube create'.")
    Path cube;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The date to add or replace.")
    String date;

    @Option(names = "--layer", paramLabel = "NAME=FILE[#BAND][,FILE...]",
            description = "A layer and its inputs, in mosaic order; #N takes band N (default 1). Repeatable.")
    List<String> layers = new ArrayList<>();

    @Option(names = "--resampling", defaultValue = "nearest", paramLabel = "METHOD",
            description = "nearest, bilinear, average or mode (default: ${DEFAULT-VALUE}), as gdalwarp -r.")
    String resampling;

    @Option(names = "--layer-resampling", paramLabel = "NAME=METHOD",
            description = "Another method for one layer (mode for categorical layers). Repeatable.")
    List<String> layerResampling = new ArrayList<>();

    @Option(names = "--derive", paramLabel = "NAME=EXPRESSION",
            description = "A float32 layer computed per pixel from this date's layers (+ - * / and parentheses);"
                    + " NaN where an input has no data or on division by zero. Repeatable.")
    List<String> derive = new ArrayList<>();

    @Option(names = "--nodata", paramLabel = "VALUE",
            description = "The layers' nodata value (default: each layer's first input's; else 0, or NaN for floats).")
    String nodata;

    @Option(names = "--chunk-size", defaultValue = "0", paramLabel = "PIXELS",
            description = "Write layers larger than this as chunk COGs and a VRT over them (a multiple of 16;"
                    + " default 0: one COG).")
    int chunkSize;

    @Option(names = "--no-wait", description = "Fail at once if another ingest holds the cube's lock, instead of waiting.")
    boolean noWait;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (for cron and scripts).")
    boolean quiet;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate day = parseDate();
        Map<String, List<Input>> inputs = parseLayers();
        IngestOptions options = options();
        long start = System.nanoTime();
        Ingest.Result result;
        try (Progress progress = Progress.start("ingest " + day, quiet)) {
            result = Ingest.run(cube, day, inputs, options.withProgress(progress::rows));
        }
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            for (Map.Entry<String, Path> e : result.files().entrySet()) {
                out.printf("%s %s: %s%n", day, e.getKey(), cube.relativize(e.getValue()));
            }
            out.printf(Locale.ROOT, "ingested %s into %s: %d layer(s), %d old file(s) collected, %.1f s%n", day, cube,
                    result.files().size(), result.collected(), (System.nanoTime() - start) / 1e9);
            out.flush();
        }
        return 0;
    }

    private LocalDate parseDate() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw usage("--date expects YYYY-MM-DD, found '" + date + "'");
        }
    }

    private Map<String, List<Input>> parseLayers() {
        Map<String, List<Input>> out = new LinkedHashMap<>();
        for (String spec : layers) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw usage("--layer expects NAME=FILE[,FILE...], found '" + spec + "'");
            }
            String name = spec.substring(0, eq).strip();
            List<Input> files = new ArrayList<>();
            for (String f : spec.substring(eq + 1).split(",")) {
                try {
                    files.add(Input.parse(f.strip()));
                } catch (IllegalArgumentException e) {
                    throw usage("--layer " + name + ": " + e.getMessage());
                }
            }
            if (out.put(name, files) != null) {
                throw usage("--layer " + name + " is given twice (list all its files in one, comma-separated)");
            }
        }
        if (out.isEmpty() && derive.isEmpty()) {
            throw usage("nothing to ingest: give at least one --layer NAME=FILE (or --derive)");
        }
        return out;
    }

    private IngestOptions options() {
        IngestOptions o = IngestOptions.defaults().withResampling(kernel("--resampling", resampling))
                .withWaitForLock(!noWait);
        Map<String, Kernel> perLayer = new LinkedHashMap<>();
        for (String s : layerResampling) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw usage("--layer-resampling expects NAME=METHOD, found '" + s + "'");
            }
            perLayer.put(s.substring(0, eq).strip(), kernel("--layer-resampling", s.substring(eq + 1)));
        }
        o = o.withLayerResampling(perLayer);
        List<Derivation> ds = new ArrayList<>();
        for (String d : derive) {
            try {
                ds.add(Derivation.parse(d));
            } catch (IllegalArgumentException e) {
                throw usage("--derive: " + e.getMessage());
            }
        }
        o = o.withDerivations(ds);
        if (nodata != null) {
            o = o.withNodata(Inputs.nodata(nodata, spec.commandLine()));
        }
        try {
            return o.withChunkSize(chunkSize);
        } catch (IllegalArgumentException e) {
            throw usage("--chunk-size: " + e.getMessage());
        }
    }

    private Kernel kernel(String option, String name) {
        try {
            return Kernel.parse(name);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
