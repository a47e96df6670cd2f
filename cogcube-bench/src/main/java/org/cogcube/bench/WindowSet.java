package org.cogcube.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cogcube.raster.Window;

/**
 * The windows of one benchmark case, as written by {@code bench/cog_bench.py} so that GDAL and
 * cogcube read exactly the same ones: {@code NAME.warmup} and {@code NAME.timed}, one window a
 * line as {@code column row width height}.
 */
record WindowSet(String name, List<Window> warmup, List<Window> timed) {

    static WindowSet load(Path dir, String name) {
        return new WindowSet(name, windows(dir.resolve(name + ".warmup")), windows(dir.resolve(name + ".timed")));
    }

    private static List<Window> windows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the window list " + file, e);
        }
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": expected 'column row width height',"
                        + " found '" + line + "'");
            }
            out.add(new Window(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3])));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected at least one window, found none");
        }
        return out;
    }
}
