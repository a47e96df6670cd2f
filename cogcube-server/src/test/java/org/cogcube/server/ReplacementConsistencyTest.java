package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a file is replaced again and again the way ingest does it (write a temporary file, rename
 * it over the old one), every response holds bytes of one version only, under that version's ETag.
 */
class ReplacementConsistencyTest {
    static final int SIZE = 1 << 20;

    @TempDir
    Path root;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readersGetWhollyOldOrWhollyNewUnderTheRightTag() throws Exception {
        Path file = root.resolve("B04.tif");
        Files.write(file, version('A'));
        // 4 KiB steps: a 1 MiB answer takes 256 reads, plenty of time for a rename to land mid-answer.
        ServerOptions options = ServerOptions.of(root).withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withBufferSize(4096));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger replacements = new AtomicInteger();
        Map<String, Byte> versionOfTag = new ConcurrentHashMap<>();
        Map<Byte, AtomicInteger> seen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (CubeServer server = CubeServer.start(options)) {
            Future<?> ingest = pool.submit(() -> {
                Path temporary = root.resolve(".B04.tif.part");
                for (int i = 1; !stop.get(); i++) {
                    Files.write(temporary, version(i % 2 == 0 ? 'A' : 'B'));
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    replacements.incrementAndGet();
                    Thread.sleep(2);
                }
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                HttpClient.Version protocol = r % 2 == 0 ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
                long seed = r;
                readers.add(pool.submit(() -> read(server, protocol, seed, versionOfTag, seen)));
            }
            int responses = 0;
            for (Future<Integer> reader : readers) {
                responses += reader.get();
            }
            stop.set(true);
            ingest.get();
            assertTrue(replacements.get() > 20, "only " + replacements.get() + " replacements");
            assertTrue(seen.containsKey((byte) 'A') && seen.containsKey((byte) 'B'),
                    "readers saw only " + seen.keySet() + " in " + responses + " responses");
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private static Integer read(CubeServer server, HttpClient.Version protocol, long seed, Map<String, Byte> versionOfTag,
            Map<Byte, AtomicInteger> seen) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(protocol).build();
        Random random = new Random(seed);
        int n = 0;
        for (; n < 150; n++) {
            int first = random.nextInt(SIZE / 2);
            int last = first + random.nextInt(SIZE / 2);
            String range = switch (n % 3) {
                case 0 -> "bytes=" + first + "-" + last;
                case 1 -> "bytes=0-" + (SIZE - 1);
                default -> "bytes=0-99," + first + "-" + last; // multipart: both parts must agree too
            };
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(server.uri().resolve("B04.tif"))
                    .header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, r.statusCode(), range);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            byte[] data = n % 3 == 2 ? payload(r) : r.body();
            byte v = data[0];
            for (int i = 0; i < data.length; i++) {
                if (data[i] != v) {
                    throw new AssertionError("response to '" + range + "' (" + etag + ") mixes versions "
                            + (char) v + " and " + (char) data[i] + " at byte " + i);
                }
            }
            Byte before = versionOfTag.putIfAbsent(etag, v);
            assertEquals(before == null ? v : before, v, "ETag " + etag + " named two versions");
            seen.computeIfAbsent(v, k -> new AtomicInteger()).incrementAndGet();
        }
        return n;
    }

    /** The data bytes of all parts of a multipart/byteranges body, concatenated. */
    private static byte[] payload(HttpResponse<byte[]> r) {
        String type = r.headers().firstValue("Content-Type").orElseThrow();
        List<ServedFilesTest.Part> parts = ServedFilesTest.Part.parse(r.body(), type.substring(type.indexOf('=') + 1));
        byte[] all = new byte[0];
        for (ServedFilesTest.Part p : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + p.body().length);
            System.arraycopy(p.body(), 0, all, at, p.body().length);
        }
        return all;
    }

    private static byte[] version(char c) {
        byte[] b = new byte[SIZE];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
