package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.cogcube.SourceException;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP reader over cleartext HTTP/1.1 against nginx, plus what nginx's answers teach, through
 * cogcube's own HTTP/1.1 client; {@link HttpRangeReaderJdkHttp11Test} runs the same through the JDK's.
 */
class HttpRangeReaderHttp11Test extends NginxContractTest {
    @Override
    NginxServer.Mode mode() {
        return NginxServer.Mode.HTTP_1_1;
    }

    /** The protocol asked for, which chooses the transport under test. */
    HttpOptions.Protocol protocol() {
        return HttpOptions.Protocol.HTTP_1_1;
    }

    @Override
    RangeReader open(NginxServer nginx, String name) {
        return HttpRangeReader.open(nginx.uri(name), HttpOptions.defaults().withProtocol(protocol()));
    }

    /**
     * The serial numbers of the nginx connections that carried requests for {@code name}, in order,
     * once {@code count} are logged (nginx logs a request after sending its answer) or 5 s passed.
     */
    private List<String> connectionsFor(String name, int count) {
        return nginx.accessLogOf("/" + name + " ", count).stream()
                .map(line -> line.substring(line.lastIndexOf("connection=") + "connection=".length()))
                .toList();
    }

    /**
     * Whether the transport is cogcube's own client, whose pool hands out the connection used last
     * (the JDK's spreads reads over every idle connection it has, opened by earlier tests too).
     */
    private boolean ownClient() {
        return protocol() != HttpOptions.Protocol.JDK_HTTP_1_1;
    }

    @Test
    void keepsOneConnectionForReadsOneAfterAnother() throws Exception {
        assumeTrue(ownClient(), "the JDK's client reuses its idle connections in turn");
        byte[] content = bytes(100_000, 4);
        RangeReader reader = open(nginx, serve("sequential.bin", content));
        for (int i = 0; i < 20; i++) {
            assertContent(content, ByteRange.of(i * 4000L, 3000), await(reader.read(ByteRange.of(i * 4000L, 3000))));
        }
        List<String> connections = connectionsFor("sequential.bin", 20);
        assertEquals(20, connections.size());
        assertEquals(1, connections.stream().distinct().count(), "connections used: " + connections);
    }

    @Test
    void readsManyConcurrentRangesThroughAPoolOfFourConnectionsIntact() throws Exception {
        byte[] content = bytes(4 << 20, 5);
        HttpOptions four = HttpOptions.defaults().withProtocol(protocol()).withMaxConcurrentRequests(4);
        List<RangeReader> readers = new ArrayList<>();
        List<List<ByteRange>> asked = new ArrayList<>();
        List<CompletableFuture<List<ByteBuffer>>> reads = new ArrayList<>();
        Random random = new Random(6);
        for (int i = 0; i < 8; i++) {
            readers.add(HttpRangeReader.open(nginx.uri(serve("pooled.bin", content)), four));
        }
        for (int call = 0; call < 40; call++) {
            List<ByteRange> ranges = randomRanges(random, content.length, 10, 300_000);
            asked.add(ranges);
            reads.add(readers.get(call % readers.size()).read(ranges));
        }
        for (int call = 0; call < reads.size(); call++) {
            assertContents(content, asked.get(call), await(reads.get(call)));
        }
        List<String> connections = connectionsFor("pooled.bin", 400);
        assertEquals(400, connections.size());
        assertTrue(!ownClient() || connections.stream().distinct().count() <= 4, "connections used: " + connections.stream().distinct().toList());
    }

    @Test
    void speaksHttp11() throws Exception {
        HttpRangeReader reader = (HttpRangeReader) open(nginx, serve("h1.bin", bytes(100, 1)));
        await(reader.read(ByteRange.of(0, 10)));
        assertEquals(HttpClient.Version.HTTP_1_1, reader.protocolUsed().orElseThrow());
    }

    @Test
    void takesNginxsStrongETagAsTheVersion() throws Exception {
        RangeReader reader = open(nginx, serve("etag.bin", bytes(100, 2)));
        String version = await(reader.version()).orElseThrow();
        assertTrue(version.matches("ETag \"[0-9a-f]+-[0-9a-f]+\""), version);
    }

    @Test
    void learnsTheSizeFromTheFirstRead() throws Exception {
        CountingRangeReader counting = new CountingRangeReader(open(nginx, serve("learn.bin", bytes(5000, 3))));
        await(counting.read(ByteRange.of(0, 10)));
        assertEquals(5000L, await(counting.size()));
        assertEquals(1, counting.ranges());
    }

    @Test
    void reportsAMissingFileWithItsStatus() throws Exception {
        RangeReader reader = open(nginx, "no-such-file.tif");
        SourceException e = failure(reader.read(List.of(ByteRange.of(0, 10))));
        assertEquals(404, e.status().orElseThrow());
        assertTrue(e.getMessage().contains("404 Not Found") && e.getMessage().contains("no-such-file.tif"),
                e.getMessage());
    }
}
