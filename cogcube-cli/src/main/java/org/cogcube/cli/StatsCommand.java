package org.cogcube.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cogcube.CogcubeException;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.client.Cube;
import org.cogcube.client.Query;
import org.cogcube.client.ZonalStatistics;
import org.cogcube.expression.NamedExpression;
import org.cogcube.io.BlockCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube stats}: per-field statistics through time, one CSV row per feature, date and variable. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Statistics of bands and band expressions per feature of a region, per date, as a CSV",
            "table: feature_id,date,variable,valid_pixels,total_pixels,mean,std,min,median,max.",
            "Each feature is cut on its own as 'gdalwarp -cutline FEATURE -crop_to_cutline' cuts it (fields that",
            "overlap both count the pixels they share) and masked as 'cogcube extract' masks it. total_pixels",
            "are the pixels the feature keeps, valid_pixels those not NaN; mean, std (population, ddof=0), min,",
            "median and max are numpy's over the valid ones, empty when there are none (a cloudy date).",
            "Expressions compute in double precision: NaN where a band is NaN or where they divide by zero.",
            "The table is replaced atomically."},
        footer = {"", "Examples:",
            "  cogcube stats cube/catalog.json --roi fields.geojson --id-property name \\",
            "      --expr 'NDVI=(B08-B04)/(B08+B04)' --cloud-mask CLD:20 --out ndvi.csv",
            "  cogcube stats https://example.org/cube/catalog.json --roi fields.geojson --bands B04,B08 \\",
            "      --expr 'NDVI=(B08-B04)/(B08+B04)' --from 2018-01-01 --to 2018-03-31 --out -"})
final class StatsCommand implements Callable<Integer> {
    /** The block cache that lets neighbouring fields share the tiles they both touch. */
    static final long CACHE_BYTES = 256L << 20;

    @Parameters(index = "0", paramLabel = "CATALOG",
            description = "The cube's catalogue (STAC catalog.json or the simple one): a path or an http(s) URL.")
    String catalog;

    @Option(names = "--bands", split = ",", paramLabel = "B04,B08",
            description = "Layers whose statistics to compute, comma-separated.")
    List<String> bands;

    @Option(names = "--expr", paramLabel = "NAME=EXPR",
            description = "A variable computed from bands, e.g. 'NDVI=(B08-B04)/(B08+B04)' (+ - * / and parentheses);"
                    + " repeatable.")
    List<String> expressions;

    @Option(names = "--id-property", paramLabel = "NAME",
            description = "The feature property that names each feature (default: the GeoJSON id, else the"
                    + " 1-based position).")
    String idProperty;

    @Mixin
    QueryOptions select;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write; - for"
            + " standard output.")
    String out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<NamedExpression> variables = variables();
        Set<String> read = new LinkedHashSet<>();
        variables.forEach(v -> read.addAll(v.expression().names()));
        ReadOptions options = select.readOptions(quiet);
        Query query = select.query(List.copyOf(read));
        long start = System.nanoTime();
        Cube cube = Cube.open(catalog, options.withIo(options.io().withCache(new BlockCache(CACHE_BYTES, 64 << 10))));
        List<ZonalStatistics.Row> rows;
        try (Progress progress = Progress.start("stats", quiet)) {
            rows = QueryOptions.join(ZonalStatistics.computeAsync(cube, query, variables,
                    Optional.ofNullable(idProperty), (done, total) -> progress.rows(done, total)));
        }
        String csv = ZonalStatistics.csv(rows);
        PrintWriter summary;
        if (out.equals("-")) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
            summary = spec.commandLine().getErr();
        } else {
            write(Path.of(out), csv);
            summary = spec.commandLine().getOut();
        }
        if (!quiet) {
            long empty = rows.stream().filter(r -> r.statistics().validPixels() == 0).count();
            summary.println(String.format(Locale.ROOT, "wrote %d row(s) for %d feature(s) and %d variable(s) to %s;"
                    + " %d without a valid pixel; %.1f s", rows.size(), query.region().features().size(),
                    variables.size(), out.equals("-") ? "standard output" : out, empty,
                    (System.nanoTime() - start) / 1e9));
            summary.flush();
        }
        return 0;
    }

    /** The bands, then the expressions, as variables. */
    private List<NamedExpression> variables() {
        List<NamedExpression> variables = new ArrayList<>();
        if (bands != null) {
            bands.forEach(b -> variables.add(NamedExpression.identity(b.strip())));
        }
        if (expressions != null) {
            for (String e : expressions) {
                try {
                    variables.add(NamedExpression.parse(e));
                } catch (IllegalArgumentException x) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--expr: " + x.getMessage());
                }
            }
        }
        if (variables.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --bands, --expr or both: the variables to compute");
        }
        if (variables.stream().map(NamedExpression::name).distinct().count() != variables.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "each variable name once: found "
                    + variables.stream().map(NamedExpression::name).toList());
        }
        return variables;
    }

    /** Writes the table to a temporary file beside {@code file}, then renames it over {@code file}. */
    private static void write(Path file, String csv) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
            Files.writeString(temp, csv, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new CogcubeException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file stays; the error above says what failed
                }
            }
        }
    }
}
