package org.cogcube.vrt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;

/**
 * The mosaics the VRT tests read, built once per test run by GDAL with
 * {@code src/test/resources/vrt/make_mosaics.py} into a temporary folder (they weigh a few MB,
 * too much to commit). See the script for what each folder holds.
 */
final class Mosaics {
    private static Path root;

    private Mosaics() {
    }

    /** The folder holding u16/, overlap/, f32/ and rgb/. */
    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("cogcube-vrt-mosaics-");
                Path script = Path.of(Mosaics.class.getResource("/vrt/make_mosaics.py").toURI());
                Gdal.run(Map.of(), Duration.ofMinutes(2), Gdal.PYTHON, script.toString(), dir.toString());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new AssertionError(e);
            }
        }
        return root;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** The bytes of one band of a raster. */
    static byte[] bytes(Raster raster, int band) {
        byte[] out = new byte[raster.width() * raster.height() * raster.type().bytes()];
        raster.data(band).get(out);
        return out;
    }

    /** The samples of a window cut out of a whole band's samples. */
    static byte[] slice(byte[] full, int width, int bytes, Window win) {
        byte[] out = new byte[win.width() * win.height() * bytes];
        for (int r = 0; r < win.height(); r++) {
            System.arraycopy(full, ((win.row() + r) * width + win.column()) * bytes, out, r * win.width() * bytes,
                    win.width() * bytes);
        }
        return out;
    }

    static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
