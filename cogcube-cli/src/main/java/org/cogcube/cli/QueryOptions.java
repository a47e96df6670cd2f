package org.cogcube.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.cogcube.CogcubeException;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.client.CloudMask;
import org.cogcube.client.Dates;
import org.cogcube.client.Query;
import org.cogcube.geo.Crs;
import org.cogcube.io.ByteRange;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that say what to read of a cube, shared by the commands that query one
 * ({@code extract}, {@code stats}): the region, the dates, the cloud mask and nodata rules, and
 * a simple catalogue's layer names.
 */
final class QueryOptions {

    @Option(names = "--roi", required = true, paramLabel = "ROI",
            description = "The region: a GeoJSON file or URL, GeoJSON text, WKT (with --roi-crs), a bbox "
                    + "minX,minY,maxX,maxY, or a shapefile of polygons (.shp, or a .zip holding one). GeoJSON "
                    + "without a crs member and bboxes are WGS84 longitude, latitude.")
    String roi;

    @Option(names = "--roi-crs", paramLabel = "EPSG:CODE",
            description = "The CRS of a WKT or bbox region, or of a shapefile without .prj (default EPSG:4326).")
    String roiCrs;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The first date (included).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The last date (included).")
    String to;

    @Option(names = "--dates", split = ",", paramLabel = "D,D", description = "These dates only (not with --from/--to).")
    List<String> dates;

    @Option(names = "--cloud-mask", paramLabel = "LAYER:THRESHOLD",
            description = "Mask with a cloud layer: values above THRESHOLD are cloud (e.g. CLD:20).")
    String cloudMask;

    @Option(names = "--all-touched", description = "Keep every pixel the region touches, not only those whose centre it holds.")
    boolean allTouched;

    @Option(names = "--nodata-below", defaultValue = "-9990", paramLabel = "VALUE",
            description = "Band values below this become NaN (default: ${DEFAULT-VALUE}).")
    double nodataBelow;

    @Option(names = {"--layers", "--layer-names"}, split = ",", paramLabel = "NAMES",
            description = "The layer names of a simple catalogue's lists, in order (default: Sentinel-2's).")
    List<String> layerNames;

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /**
     * How to open the catalogue; warnings (a fallback to range requests, oddities of files and
     * catalogue) go to standard error unless {@code quiet}.
     */
    ReadOptions readOptions(boolean quiet) {
        ReadOptions options = ReadOptions.defaults();
        if (layerNames != null) {
            options = options.withLayerNames(layerNames);
        }
        if (quiet) {
            return options;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        return options.withWarnings(warning -> {
            err.println("warning: " + warning);
            err.flush();
        });
    }

    /** The query of these bands. */
    Query query(List<String> bands) {
        if (dates != null && (from != null || to != null)) {
            throw usage("give either --dates or --from/--to, not both");
        }
        Dates which = Dates.all();
        if (dates != null) {
            which = Dates.of(dates.stream().map(d -> date(d, "--dates")).toList());
        } else if (from != null || to != null) {
            LocalDate first = from == null ? LocalDate.of(1, 1, 1) : date(from, "--from");
            LocalDate last = to == null ? LocalDate.of(9999, 12, 31) : date(to, "--to");
            if (first.isAfter(last)) {
                throw usage("--from " + first + " is after --to " + last);
            }
            which = Dates.between(first, last);
        }
        Query q = Query.of(region(), bands).withDates(which).withAllTouched(allTouched).withNodataBelow(nodataBelow);
        if (cloudMask != null) {
            try {
                CloudMask m = CloudMask.parse(cloudMask);
                q = q.withCloudMask(m.layer(), m.threshold());
            } catch (IllegalArgumentException e) {
                throw usage("--cloud-mask: " + e.getMessage());
            }
        }
        return q;
    }

    Region region() {
        Crs crs = Crs.epsg(4326);
        if (roiCrs != null) {
            try {
                crs = Crs.parse(roiCrs);
            } catch (IllegalArgumentException e) {
                throw usage("--roi-crs: " + e.getMessage());
            }
        }
        String text = roi.strip();
        if (text.startsWith("{")) {
            return Regions.parseGeoJson(text, "--roi");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("POLYGON") || upper.startsWith("MULTIPOLYGON")) {
            return Regions.parseWkt(text, crs);
        }
        if (text.matches("[-+0-9.eE]+(\\s*,\\s*[-+0-9.eE]+){3}")) {
            String[] v = text.split("\\s*,\\s*");
            return Query.bbox(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                    Double.parseDouble(v[3]), crs);
        }
        if (upper.startsWith("HTTP://") || upper.startsWith("HTTPS://")) {
            try (RangeReader reader = RangeReaders.open(text)) {
                long size = join(reader.size());
                if (size > 64 << 20) {
                    throw new CogcubeException(text + ": a region of " + size + " bytes is refused (at most 64 MiB)");
                }
                var buffer = join(reader.read(ByteRange.of(0, size)));
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return Regions.parseGeoJson(new String(bytes, StandardCharsets.UTF_8), text);
            }
        }
        Path file = Path.of(text);
        if (!Files.isRegularFile(file)) {
            throw new CogcubeException("--roi " + text + ": no such file, and not GeoJSON, WKT or a bbox"
                    + " minX,minY,maxX,maxY");
        }
        return Regions.isShapefile(file) ? Regions.readShapefile(file, crs) : Regions.readGeoJson(file);
    }

    private LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw usage(option + " expects dates as YYYY-MM-DD, not '" + text + "'");
        }
    }

    /** Waits for a future, rethrowing what it failed with. */
    static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new CogcubeException(e.getCause().toString(), e.getCause());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
