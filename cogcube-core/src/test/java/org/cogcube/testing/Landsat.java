package org.cogcube.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real Landsat 7 ETM+ scene Debian ships in {@code r-cran-stars} ({@code stars/tif/L7_ETMs.tif}:
 * 6 Byte bands, 349 x 352 pixels of 28.5 m, EPSG:31985). Fetched once with
 * {@code apt-get download} into {@code target/real-data} (never committed) and unpacked with
 * {@code dpkg -x}; the tests fail with the reason when apt cannot fetch it.
 */
public final class Landsat {
    private static Path scene;

    private Landsat() {
    }

    /** The scene's path, fetching the package first when it is not in the cache. */
    public static synchronized Path scene() {
        if (scene != null) {
            return scene;
        }
        Path cache = Path.of("target", "real-data").toAbsolutePath();
        Path found = cache.resolve("x/usr/lib/R/site-library/stars/tif/L7_ETMs.tif");
        if (!Files.exists(found)) {
            try {
                Files.createDirectories(cache);
            } catch (IOException e) {
                throw new AssertionError("cannot create " + cache, e);
            }
            CommandResult download = Commands.execute(Map.of(), Duration.ofMinutes(3),
                    java.util.List.of("sh", "-c", "cd '" + cache + "' && apt-get download r-cran-stars"));
            if (!download.succeeded()) {
                throw new AssertionError("cannot fetch the real Landsat scene: 'apt-get download r-cran-stars' failed"
                        + " (exit " + download.exitCode() + "): " + download.stderr().strip()
                        + "\nRun 'apt-get update' (scripts/install-test-tools does) and check the network.");
            }
            Commands.execute(Map.of(), Duration.ofMinutes(1), java.util.List.of("sh", "-c",
                    "cd '" + cache + "' && dpkg -x r-cran-stars_*.deb x")).orFail();
            if (!Files.exists(found)) {
                throw new AssertionError("r-cran-stars was unpacked into " + cache + " but has no " + found);
            }
        }
        scene = found;
        return scene;
    }
}
