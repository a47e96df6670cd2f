package org.cogcube.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cogcube.CogcubeException;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.GridGeometry;
import org.cogcube.ingest.CubeGrid;
import org.cogcube.ingest.Derivation;
import org.cogcube.ingest.Ingest;
import org.cogcube.ingest.IngestOptions;
import org.cogcube.ingest.Input;

/**
 * The real sample beside the made-up cube: the Landsat 7 ETM+ scene Debian ships in
 * {@code r-cran-stars} ({@code stars/tif/L7_ETMs.tif}: 6 bands, 349 x 352 px of 28.5 m in
 * EPSG:31985, UTM 25S), ingested as a cube of its own on the scene's grid, one layer per band
 * (B1, B2, B3, B4, B5, B7: ETM+'s band numbers) and NDVI derived from B3 and B4.
 */
final class DemoRealSample {
    /** Where Debian installs the scene with {@code r-cran-stars}. */
    static final Path INSTALLED = Path.of("/usr/lib/R/site-library/stars/tif/L7_ETMs.tif");
    static final List<String> BANDS = List.of("B1", "B2", "B3", "B4", "B5", "B7");
    /** The file carries no acquisition date: the cube files it under this one. */
    static final LocalDate DATE = LocalDate.of(2000, 1, 1);
    static final String FOLDER = "landsat";

    private DemoRealSample() {
    }

    /**
     * The scene: {@code given} when not blank, else the installed package's file, else one fetched
     * earlier into {@code work}, else (when
     * {@code fetch}) one fetched with {@code apt-get download r-cran-stars} and unpacked with
     * {@code dpkg-deb -x} into {@code work}. Empty when not found and not to be fetched.
     */
    static Optional<Path> find(String given, boolean fetch, Path work) {
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (!Files.isRegularFile(p)) {
                throw new CogcubeException("--real-sample " + given + ": no such file (expected "
                        + INSTALLED.getFileName() + " of Debian's r-cran-stars)");
            }
            return Optional.of(p);
        }
        if (Files.isRegularFile(INSTALLED)) {
            return Optional.of(INSTALLED);
        }
        Path fetched = unpacked(work);
        if (Files.isRegularFile(fetched)) {
            return Optional.of(fetched); // by an earlier --real-sample into the same folder
        }
        return fetch ? Optional.of(fetch(work)) : Optional.empty();
    }

    private static Path fetch(Path work) {
        try {
            Files.createDirectories(work);
            run(work, "apt-get", "download", "r-cran-stars");
            Path deb;
            try (var files = Files.list(work)) {
                deb = files.filter(f -> f.getFileName().toString().startsWith("r-cran-stars_")
                        && f.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new CogcubeException("apt-get download r-cran-stars left no .deb in " + work));
            }
            run(work, "dpkg-deb", "-x", deb.getFileName().toString(), "x");
        } catch (IOException e) {
            throw new CogcubeException("cannot fetch the real sample into " + work + ": " + e.getMessage(), e);
        }
        Path scene = unpacked(work);
        if (!Files.isRegularFile(scene)) {
            throw new CogcubeException("r-cran-stars was unpacked into " + work + " but has no " + scene);
        }
        return scene;
    }

    private static Path unpacked(Path work) {
        return work.resolve("x").resolve(Path.of("/").relativize(INSTALLED));
    }

    private static void run(Path dir, String... command) throws IOException {
        Path log = dir.resolve(command[0] + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new CogcubeException(String.join(" ", command) + " did not finish in 5 minutes (in " + dir + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CogcubeException("interrupted while running " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new CogcubeException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(log).strip());
        }
    }

    /** Makes {@code dir} a cube on the scene's own grid and ingests its six bands and their NDVI. */
    static Ingest.Result ingest(Path scene, Path dir) {
        GridGeometry grid;
        try (GeoTiff tiff = GeoTiff.open(scene)) {
            grid = tiff.grid(0);
        }
        CubeGrid.create(dir, grid);
        Map<String, List<Input>> layers = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.size(); i++) {
            layers.put(BANDS.get(i), List.of(new Input(scene.toAbsolutePath().toString(), i + 1)));
        }
        IngestOptions options = IngestOptions.defaults()
                .withDerivations(List.of(Derivation.parse("NDVI=(B4-B3)/(B4+B3)")));
        return Ingest.run(dir, DATE, layers, options);
    }
}
