package org.cogcube.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.cogcube.tiff.codec.Codec;
import org.cogcube.tiff.codec.Compression;

/**
 * Decodes the DEFLATE tiles of a real COG, single-threaded, with cogcube's DEFLATE codec and with
 * {@link Inflater} (the JDK's zlib), and prints one JSON line per decoder: megabytes of decoded
 * output per CPU second of the benchmark thread (steadier than wall time on a busy machine), as the
 * median of several rounds after warming up. A round decodes every
 * sampled tile whole; a "rows" round decodes only the first quarter of each tile, as a window read
 * that needs only the top rows does.
 *
 * <p>Usage: {@code InflateBench TIFF [TILES [ROUNDS]]}, e.g. the GDAL-written COG of {@code bench/}.
 */
public final class InflateBench {

    private InflateBench() {
    }

    /** One way of decoding a tile into {@code out}. */
    private interface Decoder {
        void decode(byte[] tile, byte[] out);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: InflateBench TIFF [TILES [ROUNDS]]");
            System.exit(2);
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        TileSample sample = TileSample.read(Path.of(args[0]), count);
        Codec codec = Compression.DEFLATE.codec();
        Inflater inflater = new Inflater();
        Decoder ours = (tile, out) -> {
            byte[] d = codec.decode(tile, 0, tile.length, out.length);
            if (d.length != out.length) {
                throw new AssertionError("decoded " + d.length + " bytes");
            }
        };
        // As DeflateCodec did before it had a decoder of its own: a new output array for every tile.
        Decoder zlib = (tile, reused) -> {
            byte[] out = new byte[reused.length];
            inflater.reset();
            inflater.setInput(tile);
            try {
                int op = 0;
                while (op < out.length) {
                    int n = inflater.inflate(out, op, out.length - op);
                    if (n == 0) {
                        throw new AssertionError("zlib stopped at " + op);
                    }
                    op += n;
                }
            } catch (DataFormatException e) {
                throw new AssertionError(e);
            }
        };
        checkSameOutput(sample, codec, inflater);
        long compressed = sample.tiles().stream().mapToLong(t -> t.length).sum();
        System.out.printf(Locale.ROOT, "{\"tiles\": %d, \"tile_bytes\": %d, \"ratio\": %.4f}%n", sample.tiles().size(),
                sample.tileBytes(), (double) compressed / ((long) sample.tileBytes() * sample.tiles().size()));
        for (int part : new int[] {1, 4}) {
            int outBytes = sample.tileBytes() / part;
            String name = part == 1 ? "whole" : "quarter";
            double[][] mbps = measure(sample, outBytes, rounds, ours, zlib);
            report("cogcube", name, mbps[0]);
            report("zlib", name, mbps[1]);
        }
    }

    private static void checkSameOutput(TileSample sample, Codec codec, Inflater inflater) throws Exception {
        byte[] expected = new byte[sample.tileBytes()];
        for (byte[] tile : sample.tiles()) {
            inflater.reset();
            inflater.setInput(tile);
            inflater.inflate(expected);
            if (!Arrays.equals(expected, codec.decode(tile, 0, tile.length, expected.length))) {
                throw new AssertionError("cogcube and zlib decode a tile differently");
            }
        }
    }

    /** Decoded MB per CPU second of each decoder in each round, the decoders taking turns, after warm-up rounds. */
    private static double[][] measure(TileSample sample, int outBytes, int rounds, Decoder... decoders) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        byte[] out = new byte[outBytes];
        double[][] mbps = new double[decoders.length][rounds];
        for (int r = -3; r < rounds; r++) {
            for (int d = 0; d < decoders.length; d++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (byte[] tile : sample.tiles()) {
                    decoders[d].decode(tile, out);
                }
                double seconds = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
                if (r >= 0) {
                    mbps[d][r] = (double) outBytes * sample.tiles().size() / 1e6 / seconds;
                }
            }
        }
        return mbps;
    }

    private static void report(String decoder, String part, double[] mbps) {
        double[] sorted = mbps.clone();
        Arrays.sort(sorted);
        List<String> rounds = new ArrayList<>();
        for (double v : mbps) {
            rounds.add(String.format(Locale.ROOT, "%.0f", v));
        }
        System.out.printf(Locale.ROOT, "{\"decoder\": \"%s\", \"part\": \"%s\", \"median_mb_per_cpu_s\": %.1f,"
                + " \"rounds\": [%s]}%n", decoder, part, sorted[sorted.length / 2], String.join(", ", rounds));
    }
}
