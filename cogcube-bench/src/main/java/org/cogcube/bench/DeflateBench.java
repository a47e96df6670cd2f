package org.cogcube.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.cogcube.tiff.codec.Codec;
import org.cogcube.tiff.codec.Compression;

/**
 * Encodes the predicted tiles of a real DEFLATE COG, single-threaded, with the JDK's zlib at
 * levels 1 to 6 and with cogcube's DEFLATE codec at its levels 1 to 6, and prints one JSON line
 * per encoder: output size as a fraction of the input and of zlib level 4's, and megabytes of
 * input per CPU second, the median of several rounds after warming up. The encoders take turns
 * within each round, so that a busy machine slows them alike; CPU time of the benchmark thread is
 * steadier than wall time there. Every output is checked to inflate to its input.
 *
 * <p>The tiles are the COG's own tiles inflated: the bytes after its predictor, which are what a
 * COG writer compresses. Usage: {@code DeflateBench TIFF [TILES [ROUNDS]]}, e.g. the GDAL-written
 * COG of {@code bench/} (DEFLATE, predictor 2).
 */
public final class DeflateBench {

    private DeflateBench() {
    }

    /** One way of encoding a tile. */
    private interface Encoder {
        byte[] encode(byte[] tile);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DeflateBench TIFF [TILES [ROUNDS]]");
            System.exit(2);
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        TileSample sample = TileSample.read(Path.of(args[0]), count);
        Codec codec = Compression.DEFLATE.codec();
        List<byte[]> tiles = new ArrayList<>();
        for (byte[] t : sample.tiles()) {
            tiles.add(codec.decode(t, 0, t.length, sample.tileBytes()));
        }
        Map<String, Encoder> encoders = new LinkedHashMap<>();
        Deflater deflater = new Deflater();
        for (int level = 1; level <= 6; level++) {
            int l = level;
            encoders.put("zlib-" + l, tile -> zlib(deflater, l, tile));
        }
        for (int level = 1; level <= 6; level++) {
            int l = level;
            encoders.put("cogcube-" + l, tile -> codec.encode(tile, 0, tile.length, l));
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Encoder> e : encoders.entrySet()) {
            sizes.put(e.getKey(), encodedSize(e.getKey(), e.getValue(), tiles));
        }
        double[][] mbps = measure(tiles, rounds, encoders.values().toArray(Encoder[]::new));
        long input = (long) sample.tileBytes() * tiles.size();
        System.out.printf(Locale.ROOT, "{\"tiles\": %d, \"tile_bytes\": %d}%n", tiles.size(), sample.tileBytes());
        int k = 0;
        for (String name : encoders.keySet()) {
            double[] sorted = mbps[k++].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "{\"encoder\": \"%s\", \"ratio\": %.4f, \"size_vs_zlib_4\": %.4f,"
                    + " \"median_mb_per_cpu_s\": %.1f}%n", name, (double) sizes.get(name) / input,
                    (double) sizes.get(name) / sizes.get("zlib-4"), sorted[sorted.length / 2]);
        }
    }

    private static byte[] zlib(Deflater deflater, int level, byte[] tile) {
        deflater.reset();
        deflater.setLevel(level);
        deflater.setInput(tile);
        deflater.finish();
        byte[] out = new byte[tile.length + tile.length / 8 + 64];
        int n = 0;
        while (!deflater.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - n);
        }
        return Arrays.copyOf(out, n);
    }

    /** The encoder's total output for the tiles, after checking that zlib inflates each to its tile. */
    private static long encodedSize(String name, Encoder encoder, List<byte[]> tiles) throws DataFormatException {
        long total = 0;
        Inflater inflater = new Inflater();
        for (byte[] tile : tiles) {
            byte[] encoded = encoder.encode(tile);
            inflater.reset();
            inflater.setInput(encoded);
            byte[] back = new byte[tile.length];
            int n = inflater.inflate(back);
            if (n != tile.length || !inflater.finished() || !Arrays.equals(back, tile)) {
                throw new AssertionError(name + " wrote a stream that does not inflate to its tile");
            }
            total += encoded.length;
        }
        inflater.end();
        return total;
    }

    /** Input MB per CPU second of each encoder in each round, the encoders taking turns, after warm-up rounds. */
    private static double[][] measure(List<byte[]> tiles, int rounds, Encoder... encoders) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long input = tiles.stream().mapToLong(t -> t.length).sum();
        double[][] mbps = new double[encoders.length][rounds];
        for (int r = -2; r < rounds; r++) {
            for (int e = 0; e < encoders.length; e++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (byte[] tile : tiles) {
                    encoders[e].encode(tile);
                }
                double seconds = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
                if (r >= 0) {
                    mbps[e][r] = input / 1e6 / seconds;
                }
            }
        }
        return mbps;
    }
}
