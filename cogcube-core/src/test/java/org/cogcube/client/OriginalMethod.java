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

    /** The original's zonal statistics as CSV, and its variables' arrays by "FEATURE VARIABLE DATE". */
    record Zonal(String csv, Map<String, Cut> arrays) {
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
            Path script = script(dir, "original_method.py");
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
                Cut cut = cut(f[0], LocalDate.parse(f[1]), f[2], f[3], f[4], f[5]);
                kept.put(key(cut.band(), cut.date()), cut);
            }
            return new Result(kept, dropped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code original_zonal.py}: the original method once per feature of {@code roi}, then
     * numpy's statistics of each variable ({@code NAME=EXPRESSION}, a band as {@code B04=B04});
     * returns its CSV and the arrays of the variables kept.
     *
     * @param idProperty the property naming features, or null
     * @param cloud "LAYER:THRESHOLD" or null
     */
    static Zonal zonal(String catalog, Path roi, String idProperty, String cloud, boolean allTouched,
            LocalDate first, LocalDate last, List<String> variables, Path dir) {
        try {
            script(dir, "original_method.py");
            Path script = script(dir, "original_zonal.py");
            Path out = Files.createTempFile(dir, "zonal", ".csv");
            String[] c = cloud == null ? new String[] {"-", "0"} : cloud.split(":");
            List<String> command = new java.util.ArrayList<>(List.of(Gdal.PYTHON, script.toString(), catalog,
                    String.join(",", TestCubes.LAYERS), roi.toString(), idProperty == null ? "-" : idProperty, c[0],
                    c[1], allTouched ? "1" : "0", first.toString(), last.toString(), out.toString()));
            command.addAll(variables);
            Gdal.run(Map.of("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR"), Duration.ofSeconds(300),
                    command.toArray(String[]::new));
            Map<String, Cut> arrays = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of(out + ".arrays"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                Cut cut = cut(f[2], LocalDate.parse(f[1]), f[3], f[4], f[5], f[6]);
                arrays.put(f[0] + " " + key(f[2], cut.date()), cut);
            }
            return new Zonal(Files.readString(out, StandardCharsets.UTF_8), arrays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cut cut(String band, LocalDate date, String geoTransform, String width, String height,
            String base64) {
        String[] g = geoTransform.split(",");
        double[] gt = new double[6];
        for (int i = 0; i < 6; i++) {
            gt[i] = Double.parseDouble(g[i]);
        }
        int w = Integer.parseInt(width);
        int h = Integer.parseInt(height);
        float[] values = new float[w * h];
        ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new Cut(band, date, gt, w, h, values);
    }

    /** A script of src/test/resources/client copied into {@code dir}, once. */
    private static Path script(Path dir, String name) throws IOException {
        Path script = dir.resolve(name);
        if (!Files.exists(script)) {
            try (InputStream in = OriginalMethod.class.getResourceAsStream("/client/" + name)) {
                Files.copy(in, script);
            }
        }
        return script;
    }
}
