package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cogcube.SourceException;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP reader over cleartext HTTP/2 with prior knowledge (h2c) against nginx listening with
 * {@code http2} and no TLS, which refuses anything but HTTP/2 frames from the first byte.
 */
class HttpRangeReaderH2cTest extends NginxContractTest {
    static final HttpOptions H2C = HttpOptions.defaults().withProtocol(HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE);

    @Override
    NginxServer.Mode mode() {
        return NginxServer.Mode.H2C;
    }

    @Override
    RangeReader open(NginxServer nginx, String name) {
        return HttpRangeReader.open(nginx.uri(name), H2C);
    }

    @Test
    void speaksHttp2() throws Exception {
        HttpRangeReader reader = (HttpRangeReader) open(nginx, serve("h2c.bin", bytes(100_000, 1)));
        await(reader.read(List.of(ByteRange.of(0, 10), ByteRange.of(50_000, 10))));
        assertEquals(HttpClient.Version.HTTP_2, reader.protocolUsed().orElseThrow());
    }

    @Test
    void failsClearlyOverHttp11AgainstAPriorKnowledgeOnlyServer() throws Exception {
        // The default protocol over http: is HTTP/1.1, which nginx's h2c port answers with an HTTP/2 error.
        RangeReader reader = HttpRangeReader.open(nginx.uri(serve("h1.bin", bytes(100, 2))));
        SourceException e = failure(reader.read(List.of(ByteRange.of(0, 10))));
        assertTrue(e.getMessage().contains(nginx.uri("h1.bin").toString()), e.getMessage());
    }

    @Test
    void reportsAMissingFileWithItsStatus() throws Exception {
        SourceException e = failure(open(nginx, "no-such-file.tif").read(List.of(ByteRange.of(0, 10))));
        assertEquals(404, e.status().orElseThrow());
        assertTrue(e.getMessage().contains("404 Not Found") && e.getMessage().contains("no-such-file.tif"),
                e.getMessage());
    }

    @Test
    void takesNginxsStrongETagAsTheVersion() throws Exception {
        String version = await(open(nginx, serve("etag.bin", bytes(100, 3))).version()).orElseThrow();
        assertTrue(version.matches("ETag \"[0-9a-f]+-[0-9a-f]+\""), version);
    }

    @Test
    void readsA20MibRangeThroughManyWindowUpdates() throws Exception {
        byte[] content = bytes(21 << 20, 4);
        ByteRange range = ByteRange.of(1 << 19, 20 << 20);
        assertContent(content, range, await(open(nginx, serve("big.bin", content)).read(range)));
    }

    @Test
    void readsFiftyConcurrentMibRangesByteExact() throws Exception {
        byte[] content = bytes(50 << 20, 5);
        RangeReader reader = open(nginx, serve("fifty.bin", content));
        List<ByteRange> ranges = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ranges.add(ByteRange.of((long) i << 20, 1 << 20));
        }
        assertContents(content, ranges, await(reader.read(ranges)));
    }

    @Test
    void manyReadersShareOneConnection() throws Exception {
        byte[] content = bytes(200_000, 6);
        List<CompletableFuture<List<ByteBuffer>>> reads = new ArrayList<>();
        List<ByteRange> ranges = List.of(ByteRange.of(0, 1000), ByteRange.of(100_000, 50_000));
        for (int i = 0; i < 20; i++) {
            reads.add(open(nginx, serve("shared-" + i + ".bin", content)).read(ranges));
        }
        for (CompletableFuture<List<ByteBuffer>> read : reads) {
            assertContents(content, ranges, await(read));
        }
        List<String> logged = nginx.accessLogOf("/shared-", 40);
        List<String> connections = logged.stream()
                .map(line -> line.substring(line.lastIndexOf("connection=") + "connection=".length()))
                .distinct().toList();
        assertEquals(40, logged.size());
        assertEquals(1, connections.size(), "connections used: " + connections);
    }

    @Test
    void readsThroughRetriesAndCoalescingWhenOpenedByUrl() throws Exception {
        byte[] content = bytes(300_000, 7);
        RangeReader reader = RangeReaders.open(nginx.uri(serve("opened.bin", content)).toString(),
                OpenOptions.defaults().withHttp(H2C));
        List<ByteRange> ranges = List.of(ByteRange.of(10, 100), ByteRange.of(120, 100), ByteRange.of(200_000, 99_000));
        assertContents(content, ranges, await(reader.read(ranges)));
        reader.close();
    }

    @Test
    void failsClearlyWithoutHangingWhenNginxStopsDuringReads(@TempDir Path folder) throws Exception {
        byte[] content = bytes(24 << 20, 8);
        Files.write(folder.resolve("stopping.bin"), content);
        List<CompletableFuture<List<ByteBuffer>>> reads = new ArrayList<>();
        HttpRangeReader reader;
        try (NginxServer doomed = NginxServer.start(folder, NginxServer.Mode.H2C)) {
            reader = HttpRangeReader.open(doomed.uri("stopping.bin"), H2C.withRequestTimeout(Duration.ofSeconds(20)));
            for (int i = 0; i < 4; i++) {
                reads.add(reader.read(List.of(ByteRange.of(0, content.length))));
            }
        } // stopped at once, at whatever point the reads have reached
        reads.add(reader.read(List.of(ByteRange.of(0, 10)))); // and one more once it is gone
        int failed = 0;
        for (CompletableFuture<List<ByteBuffer>> read : reads) {
            try {
                assertContents(content, List.of(ByteRange.of(0, read == reads.get(4) ? 10 : content.length)),
                        read.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                SourceException failure = assertInstanceOf(SourceException.class, Ranges.unwrap(e.getCause()));
                assertNamesTheSource(reader, failure);
                assertTrue(RetryingRangeReader.isRetryable(failure), failure.getMessage());
                failed++;
            }
        }
        assertTrue(failed >= 1, "the read after nginx stopped fails");
    }
}
