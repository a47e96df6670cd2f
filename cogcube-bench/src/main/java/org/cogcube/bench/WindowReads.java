package org.cogcube.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cogcube.cog.GeoTiff;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;

/**
 * Reads window sets from one GeoTIFF through {@link GeoTiff#read}, one window after another
 * (each read decodes its tiles on all cores), and prints one JSON line per set: windows per
 * second, decoded megabytes per second, CPU seconds, checksums of the first timed windows so
 * that the harness can check they equal what GDAL read, and the CPU milliseconds per window of
 * each group of threads ({@link ThreadCpu}: decoding, I/O, JIT compilers, garbage collector).
 *
 * <p>Usage: {@code WindowReads SOURCE SET_DIR NAME...} where SOURCE is a path or URL and each
 * NAME names {@code SET_DIR/NAME.warmup} and {@code SET_DIR/NAME.timed}.
 */
public final class WindowReads {
    /** How many of the timed windows get a checksum. */
    private static final int CHECKED = 16;

    private WindowReads() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: WindowReads SOURCE SET_DIR NAME...");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        long openStart = System.nanoTime();
        try (GeoTiff tiff = GeoTiff.open(args[0])) {
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            for (int i = 2; i < args.length; i++) {
                System.out.println(run(tiff, WindowSet.load(dir, args[i]), openSeconds));
            }
        }
    }

    private static String run(GeoTiff tiff, WindowSet set, double openSeconds) {
        for (Window w : set.warmup()) {
            tiff.read(w, 0, 0);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bytes = 0;
        ThreadCpu threads0 = ThreadCpu.now();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (Window w : set.timed()) {
            bytes += tiff.read(w, 0, 0).data(0).remaining();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        var byThread = ThreadCpu.now().millisPerWindowSince(threads0, set.timed().size());
        List<Long> sums = new ArrayList<>();
        for (Window w : set.timed().subList(0, Math.min(CHECKED, set.timed().size()))) {
            sums.add(sumOfSamples(tiff.read(w, 0, 0)));
        }
        int n = set.timed().size();
        return String.format(Locale.ROOT, "{\"set\": \"%s\", \"windows\": %d, \"seconds\": %.4f, \"cpu_seconds\": %.4f,"
                + " \"windows_per_s\": %.2f, \"mb_per_s\": %.2f, \"open_seconds\": %.4f, \"checksums\": %s,"
                + " \"cpu_ms_per_window_by_thread\": %s}",
                set.name(), n, seconds, cpuSeconds, n / seconds, bytes / 1e6 / seconds, openSeconds, sums,
                json(byThread));
    }

    /** A JSON object of numbers. */
    private static String json(Map<String, Double> values) {
        StringBuilder s = new StringBuilder("{");
        values.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(String.format(Locale.ROOT, "%.2f", v)));
        return s.append('}').toString();
    }

    /** The sum of a band's samples read as unsigned 16-bit integers (the benchmark's input type). */
    private static long sumOfSamples(Raster r) {
        ByteBuffer b = r.data(0);
        long sum = 0;
        while (b.remaining() >= 2) {
            sum += b.getShort() & 0xFFFF;
        }
        return sum;
    }
}
