package org.cogcube.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cogcube.io.ByteRange;
import org.cogcube.io.HttpOptions;
import org.cogcube.io.HttpRangeReader;

/**
 * Sends range requests to one URL through each HTTP/1.1 transport in turn (the JDK's client and
 * cogcube's own) and prints, per transport, the median over rounds of wall and CPU milliseconds
 * per request. CPU time per request is the figure that holds on a busy machine.
 *
 * <p>Usage: {@code HttpRequests URL [REQUESTS [RANGE_BYTES [IN_FLIGHT [ROUNDS]]]]}, defaults 2000
 * requests of 16384 bytes, 4 in flight, 5 rounds (the first round of each transport, untimed,
 * warms up). Run it with {@code java -cp cogcube-bench.jar org.cogcube.bench.HttpRequests}.
 */
public final class HttpRequests {
    private static final List<HttpOptions.Protocol> TRANSPORTS =
            List.of(HttpOptions.Protocol.JDK_HTTP_1_1, HttpOptions.Protocol.HTTP_1_1);

    private HttpRequests() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: HttpRequests URL [REQUESTS [RANGE_BYTES [IN_FLIGHT [ROUNDS]]]]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int length = args.length > 2 ? Integer.parseInt(args[2]) : 16384;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        List<HttpRangeReader> readers = new ArrayList<>();
        for (HttpOptions.Protocol protocol : TRANSPORTS) {
            readers.add(HttpRangeReader.open(uri, HttpOptions.defaults().withProtocol(protocol)));
        }
        long size = readers.get(0).size().join();
        double[][] wall = new double[TRANSPORTS.size()][rounds];
        double[][] cpu = new double[TRANSPORTS.size()][rounds];
        for (int round = 0; round <= rounds; round++) {
            for (int t = 0; t < TRANSPORTS.size(); t++) {
                double[] figures = run(readers.get(t), size, requests, length, inFlight, new Random(round));
                if (round > 0) {
                    wall[t][round - 1] = figures[0];
                    cpu[t][round - 1] = figures[1];
                }
            }
        }
        for (int t = 0; t < TRANSPORTS.size(); t++) {
            System.out.println(String.format(Locale.ROOT, "{\"transport\": \"%s\", \"requests\": %d, \"range_bytes\": %d,"
                    + " \"in_flight\": %d, \"rounds\": %d, \"wall_ms_per_request\": %.4f, \"cpu_ms_per_request\": %.4f}",
                    TRANSPORTS.get(t), requests, length, inFlight, rounds, median(wall[t]), median(cpu[t])));
        }
    }

    /** Wall and process CPU milliseconds per request for {@code requests} reads, {@code inFlight} at a time. */
    private static double[] run(HttpRangeReader reader, long size, int requests, int length, int inFlight,
            Random random) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long bytes = 0;
        for (int sent = 0; sent < requests; sent += inFlight) {
            List<ByteRange> ranges = new ArrayList<>(inFlight);
            for (int i = 0; i < Math.min(inFlight, requests - sent); i++) {
                ranges.add(ByteRange.of((long) (random.nextDouble() * (size - length)), length));
            }
            for (ByteBuffer b : reader.read(ranges).join()) {
                bytes += b.remaining();
            }
        }
        if (bytes != (long) requests * length) {
            throw new IllegalStateException("expected " + (long) requests * length + " bytes, read " + bytes);
        }
        return new double[] {(System.nanoTime() - t0) / 1e6 / requests, (os.getProcessCpuTime() - cpu0) / 1e6 / requests};
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
