package org.cogcube.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.client.Cube;
import org.cogcube.client.Dropped;
import org.cogcube.client.Extraction;
import org.cogcube.client.LayerCut;
import org.cogcube.client.ProgressListener;
import org.cogcube.client.Query;
import org.cogcube.client.ServerSubset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "files (one request for all dates, sent beside the catalogue's) unless --no-server-subset.",
            "Files are replaced atomically."},
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

    @Mixin
    QueryOptions select;

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
        ReadOptions options = select.readOptions(quiet);
        Query query = select.query(bands);
        long start = System.nanoTime();
        Cube cube = Cube.open(catalog, options, noServerSubset ? ServerSubset.NEVER : ServerSubset.WHEN_ADVERTISED,
                query);
        Extraction extraction;
        // Each date's files are written as soon as it is cut, while later dates are still on their way.
        try (Progress progress = Progress.start("extract", quiet); CutFiles files = new CutFiles(out)) {
            extraction = QueryOptions.join(cube.extractAsync(query, new ProgressListener() {
                @Override
                public void filesRead(int done, int total) {
                    progress.rows(done, total);
                }

                @Override
                public void dateDone(LocalDate date, List<LayerCut> kept) {
                    kept.forEach(files::submit);
                }
            }));
            files.await();
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        for (String band : query.bands()) {
            written.put(band, 0);
        }
        for (LayerCut cut : extraction.cuts()) {
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
}
