package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies larger than Jetty's default largest pooled buffer (64 KiB) are read, encrypted and sent
 * through buffers of the server's pool, in cleartext and over TLS, whatever the size of a file step:
 * no buffer is allocated outside it.
 */
class PooledBuffersTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"false, 262144", "true, 262144", "true, 16384"})
    void largeRangesComeFromPooledBuffers(boolean secure, int bufferSize) throws Exception {
        byte[] content = new byte[3 << 20];
        new Random(11).nextBytes(content);
        Files.write(root.resolve("B04.tif"), content);
        ServerOptions options = ServerOptions.of(root).withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withBufferSize(bufferSize));
        if (secure) {
            options = options.withTls(TlsSource.selfSigned());
        }
        try (CubeServer server = CubeServer.start(options)) {
            ArrayByteBufferPool pool = (ArrayByteBufferPool) server.bufferPool();
            pool.setStatisticsEnabled(true);
            HttpClient client = TrustingClient.http2();
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(server.uri().resolve("B04.tif"))
                        .header("Range", "bytes=1048576-2097151").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(206, r.statusCode());
                assertArrayEquals(Arrays.copyOfRange(content, 1 << 20, 2 << 20), r.body());
            }
            assertEquals(Map.of(), pool.getNoBucketDirectAcquires(), "direct buffers allocated outside the pool, by size");
            assertEquals(Map.of(), pool.getNoBucketHeapAcquires(), "heap buffers allocated outside the pool, by size");
        }
    }
}
