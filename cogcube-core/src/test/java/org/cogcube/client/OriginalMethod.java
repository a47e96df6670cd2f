package org.cogcube.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cogcube.testing.Gdal;

/**
 * Runs {@code original_method.py} (src/test/resources/client), the original Python method on
 * GDAL, and reads what it kept and dropped.
 */
final class OriginalMethod {

    /** One band at one date as the original keeps it. */
    record Cut(String band, LocalDate date, double[] geoTransform, int width, int height, float[] values) {
    }

    /** What the original gave: the cuts kept by "BAND DATE", and the band-dates dropped. */
    record Result(Map<String, Cut> kept, Set<String> dropped) {
    }

    static String key(String band, LocalDate date) {
        return band + " " + date;
    }

    /**
     * @param catalog a simple catalogue, path or URL
     * @param cloud "LAYER:THRESHOLD" or null
     */
    static Result run(String catalog, List<String> bands, Path roi, String cloud, boolean allTouched,
            LocalDate first, LocalDate last, Path dir) {
        try {
            Path script = dir.resolve("original_method.py");
            if (!Files.exists(script)) {
                try (InputStream in = OriginalMethod.class.getResourceAsStream("/client/original_method.py")) {
                    Files.copy(in, script);
                }
            }
            Path out = Files.createTempFile(dir, "original", ".txt");
            String[] c = cloud == null ? new String[] {"-", "0"} : cloud.split(":");
            Gdal.run(Map.of("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR"), Duration.ofSeconds(120), Gdal.PYTHON,
                    script.toString(), catalog, String.join(",", TestCubes.LAYERS), String.join(",", bands),
                    roi.toString(), c[0], c[1], allTouched ? "1" : "0", first.toString(), last.toString(),
                    out.toString());
            Map<String, Cut> kept = new LinkedHashMap<>();
            Set<String> dropped = new LinkedHashSet<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("dropped")) {
                    dropped.add(key(f[1], LocalDate.parse(f[2])));
                    continue;
                }
                String[] g = f[2].split(",");
                double[] gt = new double[6];
                for (int i = 0; i < 6; i++) {
                    gt[i] = Double.parseDouble(g[i]);
                }
                int width = Integer.parseInt(f[3]);
                int height = Integer.parseInt(f[4]);
                float[] values = new float[width * height];
                ByteBuffer.wrap(Base64.getDecoder().decode(f[5])).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                        .get(values);
                LocalDate date = LocalDate.parse(f[1]);
                kept.put(key(f[0], date), new Cut(f[0], date, gt, width, height, values));
            }
            return new Result(kept, dropped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
