package org.cogcube.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cogcube.CogcubeException;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.client.CloudMask;
import org.cogcube.client.Cube;
import org.cogcube.client.Dates;
import org.cogcube.client.Dropped;
import org.cogcube.client.Extraction;
import org.cogcube.client.LayerCut;
import org.cogcube.client.Query;
import org.cogcube.client.ServerSubset;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.io.ByteRange;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.RasterSource;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube extract}: cut bands of a cube to a region, date by date, as the original method does. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Cut bands of a cube to a region, date by date, and write each as a float32 COG",
            "(NaN nodata, georeferenced): OUT/<band>/<YYYY-MM-DD>.tif. The numbers are the original method's:",
            "each layer cut like 'gdalwarp -cutline ROI -crop_to_cutline', values below -9990 or equal to the",
            "layer's nodata set to NaN, pixels whose cloud value exceeds the threshold set to NaN, a date",
            "dropped when its cut has no clear cloud value, a band dropped at a date when all its values are NaN.",
            "Only the tiles the region touches are read, all at once; from cogcube serve, the server cuts the",
            "files (one request per date) unless --no-server-subset. Files are replaced atomically."},
        footer = {"", "Examples:",
            "  cogcube extract cube/catalog.json --bands B04,B08 --roi farm.geojson --out farm",
            "  cogcube extract https://example.org/cube/catalog.json --bands B04,B08 --roi farm.geojson \\",
            "      --from 2018-01-01 --to 2018-03-31 --cloud-mask CLD:20 --out farm",
            "  cogcube extract cube/catalog-simple.json --layer-names B04,B08,CLD --bands B08 \\",
            "      --roi '-2.09,7.19,-2.05,7.23' --dates 2018-01-02,2018-01-12 --out bbox",
            "  cogcube extract cube/catalog.json --bands B04 --roi 'POLYGON ((601000 796000, ...))' \\",
            "      --roi-crs EPSG:32630 --all-touched --out field"})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CATALOG",
            description = "The cube's catalogue (STAC catalog.json or the simple one): a path or an http(s) URL.")
    String catalog;

    @Option(names = "--bands", required = true, split = ",", paramLabel = "B04,B08",
            description = "The layers to cut, comma-separated.")
    List<String> bands;

    @Option(names = "--roi", required = true, paramLabel = "ROI",
            description = "The region: a GeoJSON file or URL, GeoJSON text, WKT (with --roi-crs), or a bbox "
                    + "minX,minY,maxX,maxY. GeoJSON without a crs member and bboxes are WGS84 longitude, latitude.")
    String roi;

    @Option(names = "--roi-crs", paramLabel = "EPSG:CODE",
            description = "The CRS of a WKT or bbox region (default EPSG:4326).")
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

    @Option(names = "--no-server-subset",
            description = "Read every file by range requests, even from a server that cuts files itself"
                    + " (cogcube serve).")
    boolean noServerSubset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write OUT/<band>/<date>.tif.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Query query = query();
        long start = System.nanoTime();
        ReadOptions options = ReadOptions.defaults();
        if (layerNames != null) {
            options = options.withLayerNames(layerNames);
        }
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            options = options.withWarnings(warning -> {
                err.println("warning: " + warning);
                err.flush();
            });
        }
        Cube cube = Cube.open(catalog, options, noServerSubset ? ServerSubset.NEVER : ServerSubset.WHEN_ADVERTISED);
        Extraction extraction;
        try (Progress progress = Progress.start("extract", quiet)) {
            extraction = join(cube.extractAsync(query, (done, total) -> progress.rows(done, total)));
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        for (String band : query.bands()) {
            written.put(band, 0);
        }
        for (LayerCut cut : extraction.cuts()) {
            Path file = out.resolve(cut.band()).resolve(cut.date() + ".tif");
            createDirectories(file.getParent());
            CogWriter.write(RasterSource.of(cut.raster()), file, CogOptions.defaults().withNodata(Double.NaN));
            written.merge(cut.band(), 1, Integer::sum);
        }
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            w.println(summary(extraction, written, (System.nanoTime() - start) / 1e9)
                    + (cube.serverSubset() ? "; cut by the server" : ""));
            w.flush();
        }
        return 0;
    }

    private String summary(Extraction x, Map<String, Integer> written, double seconds) {
        List<String> perBand = new ArrayList<>();
        written.forEach((band, n) -> perBand.add(band + " " + n));
        Map<Dropped.Reason, Integer> reasons = new EnumMap<>(Dropped.Reason.class);
        for (Dropped d : x.dropped()) {
            reasons.merge(d.reason(), 1, Integer::sum);
        }
        List<String> dropped = new ArrayList<>();
        reasons.forEach((r, n) -> dropped.add(n + " " + r.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return String.format(Locale.ROOT, "wrote %d file(s) to %s (%s); dropped %s; %.1f s", x.cuts().size(), out,
                String.join(", ", perBand), dropped.isEmpty() ? "none" : String.join(", ", dropped), seconds);
    }

    Query query() {
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

    private Region region() {
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
        return Regions.readGeoJson(file);
    }

    private LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw usage(option + " expects dates as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CogcubeException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
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
