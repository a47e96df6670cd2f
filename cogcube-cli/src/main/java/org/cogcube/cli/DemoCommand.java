package org.cogcube.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cogcube.CogcubeException;
import org.cogcube.client.Cube;
import org.cogcube.client.Dropped;
import org.cogcube.client.Extraction;
import org.cogcube.client.Query;
import org.cogcube.ingest.Ingest;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import org.cogcube.server.CubeServer;
import org.cogcube.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cogcube demo}: write a year of a made-up Ghanaian scene, serve it, and follow one field through it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write a demo cube (a year of weekly Sentinel-2-like dates over crop fields in Ghana,",
            "UTM 30N at 10 m, with clouds, cloud masks and swath edges; the same every time), serve it",
            "over HTTP, then read it back as a user would: open the catalogue, cut the red and",
            "near-infrared bands to one field with the cloud mask, and chart the field's NDVI.",
            "Then keep serving until Ctrl+C, with the commands to go further from Java, the CLI,",
            "GDAL and rasterio."},
        footer = {"", "Examples:",
            "  cogcube demo                             write into ./cogcube-demo, serve on port 8080",
            "  cogcube demo --dir /tmp/cube --port 0    any free port",
            "  cogcube demo --no-serve                  read the local catalogue and exit",
            "  cogcube demo --real-sample               also ingest a real Landsat scene (apt-get download)"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "cogcube-demo", paramLabel = "DIR",
            description = "Where to write the cube (default: ${DEFAULT-VALUE}); its demo files are replaced.")
    Path dir;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "The port to serve on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--no-serve", description = "Do not serve: read the cube from its folder and exit.")
    boolean noServe;

    @Option(names = "--real-sample", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
            description = {"Also ingest the real Landsat 7 scene of Debian's r-cran-stars (L7_ETMs.tif) as a second",
                "cube in DIR/landsat: FILE, else the installed package's, else fetched with 'apt-get download'.",
                "Without this option the scene is ingested only when r-cran-stars is installed."})
    String realSample;

    @Option(names = "--seed", defaultValue = "6", paramLabel = "N",
            description = "The seed of the landscape, clouds and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port " + port + ": expected 0 (any free port) to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        createDirectories(dir);
        long start = System.nanoTime();
        DemoCube.Written written;
        try (Progress progress = Progress.start("demo cube", false)) {
            written = DemoCube.write(dir, seed, progress::rows);
        }
        Path field = dir.resolve("field.geojson");
        writeString(field, written.fieldGeoJson() + "\n");
        out.printf(Locale.ROOT, "cogcube demo: wrote %d dates x %d layers of %dx%d px (EPSG:32630, 10 m) into %s"
                + " in %.1f s%n", DemoCube.DATES, written.catalog().layers().size(), DemoCube.SIZE, DemoCube.SIZE,
                dir.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        out.flush();
        Optional<Path> landsat = realSample(out);
        if (noServe) {
            workflow(out, dir.resolve("catalog.json").toString(), field.toString(), written.fieldGeoJson());
            return 0;
        }
        CubeServer server = CubeServer.start(ServerOptions.of(dir).withPort(port));
        Serving.untilStopped(server, "demo", () -> {
            String base = server.uri().toString();
            out.println("Serving it at " + base);
            landsat.ifPresent(l -> out.println("and the real sample's cube at " + base + DemoRealSample.FOLDER
                    + "/catalog.json"));
            workflow(out, base + "catalog.json", base + "field.geojson", written.fieldGeoJson());
            out.println("Press Ctrl+C to stop.");
            out.flush();
        });
        return 0;
    }

    /** Ingests the real sample into DIR/landsat where there is one (or it is asked for); its folder, if so. */
    private Optional<Path> realSample(PrintWriter out) {
        Optional<Path> scene;
        try {
            scene = DemoRealSample.find(realSample, realSample != null, dir.resolve(".real-sample"));
        } catch (CogcubeException e) {
            spec.commandLine().getErr().println("cogcube demo: no real sample (" + e.getMessage()
                    + "); install r-cran-stars or give --real-sample FILE. Going on with the made-up cube.");
            return Optional.empty();
        }
        if (scene.isEmpty()) {
            return Optional.empty();
        }
        Path folder = dir.resolve(DemoRealSample.FOLDER);
        Ingest.Result result = DemoRealSample.ingest(scene.get(), folder);
        double ndvi = NdviSeries.mean(result.files().get("NDVI"));
        out.printf(Locale.ROOT, "and the real Landsat 7 ETM+ scene of Debian's r-cran-stars (%s) as a second cube in %s:"
                + "%n  bands %s and NDVI on its own grid (EPSG:31985, 28.5 m), filed under %s (the file has no date);"
                + " mean NDVI %.2f%n", scene.get(), folder.toAbsolutePath().normalize(),
                String.join(",", DemoRealSample.BANDS), DemoRealSample.DATE, ndvi);
        out.flush();
        return Optional.of(folder);
    }

    /** What a user does with a cube: open it, cut two bands to a field with the cloud mask, chart the NDVI. */
    private void workflow(PrintWriter out, String catalog, String roi, String geoJson) {
        out.println();
        out.println("1. Open the catalogue: Cube.open(\"" + catalog + "\")");
        Cube cube = Cube.open(catalog);
        List<LocalDate> dates = cube.dates();
        out.printf(Locale.ROOT, "   %d acquisitions from %s to %s, layers %s%n", dates.size(), dates.get(0),
                dates.get(dates.size() - 1), String.join(",", cube.layers()));
        out.println("2. Cut B04 and B08 to one field, masking clouds where CLD > 20:");
        out.println("   " + geoJson);
        long start = System.nanoTime();
        Extraction extraction = cube.extract(Query.of(Regions.parseGeoJson(geoJson, roi), "B04", "B08")
                .withCloudMask("CLD", 20));
        Map<Dropped.Reason, Integer> reasons = new EnumMap<>(Dropped.Reason.class);
        extraction.dropped().stream().filter(d -> d.band().equals("B04"))
                .forEach(d -> reasons.merge(d.reason(), 1, Integer::sum));
        out.printf(Locale.ROOT, "   kept %d dates, dropped %s, in %.2f s%n", extraction.dates().size(),
                reasons.isEmpty() ? "none" : reasons.toString().toLowerCase(Locale.ROOT).replace('_', ' '),
                (System.nanoTime() - start) / 1e9);
        Region field = Regions.parseGeoJson(geoJson, roi);
        Map<LocalDate, Double> rain = NdviSeries.means(cube.extract(Query.of(field, "RAIN").withAllTouched(true)), "RAIN");
        out.println("3. The field's NDVI, (B08 - B04) / (B08 + B04), mean over its clear pixels, and the week's rain:");
        out.print(NdviSeries.of(extraction).table(rain, 40));
        out.println();
        out.print(further(catalog, roi));
        out.flush();
    }

    /** The same query from Java, the command line, GDAL and rasterio. */
    private String further(String catalog, String roi) {
        String base = catalog.substring(0, catalog.length() - "catalog.json".length());
        String cog = base + DemoCube.FIRST + "/B04.tif";
        boolean remote = catalog.startsWith("http");
        String gdalPath = remote ? "/vsicurl/" + cog : cog;
        StringBuilder s = new StringBuilder("Go further:\n");
        s.append("  Java      Cube cube = Cube.open(\"").append(catalog).append("\");\n");
        s.append("            Extraction x = cube.extract(Query.of(Regions.readGeoJson(Path.of(\"field.geojson\")),")
                .append(" \"B04\", \"B08\").withCloudMask(\"CLD\", 20));\n");
        s.append("  CLI       ./cogcube extract ").append(catalog).append(" --bands B04,B08 --roi ").append(roi)
                .append(" --cloud-mask CLD:20 --out field\n");
        s.append("  GDAL      gdalinfo ").append(gdalPath).append('\n');
        // GDAL 3.6's STACIT resolves relative hrefs against the working folder, not the catalogue's URL.
        s.append("            cd ").append(dir.toAbsolutePath().normalize())
                .append(" && gdalinfo 'STACIT:\"catalog.json\":asset=B04'\n");
        s.append("  simple    the same cube as date -> URLs (catalog-simple.json): add --layer-names ")
                .append("B02,B03,B04,B05,B06,B07,B08,B8A,B11,B12,CLD,AOT,TCWV,LULC,RAIN to cogcube extract\n");
        s.append("  rasterio  python3 -c 'import rasterio; r = rasterio.open(\"").append(cog)
                .append("\"); print(r.profile)'\n");
        return s.toString();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CogcubeException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CogcubeException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
