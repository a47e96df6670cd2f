package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.List;
import org.cogcube.SourceException;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;

/** The HTTP reader over cleartext HTTP/1.1 against nginx, plus what nginx's answers teach. */
class HttpRangeReaderHttp11Test extends NginxContractTest {
    @Override
    NginxServer.Mode mode() {
        return NginxServer.Mode.HTTP_1_1;
    }

    @Override
    RangeReader open(NginxServer nginx, String name) {
        return HttpRangeReader.open(nginx.uri(name), HttpOptions.defaults().withProtocol(HttpOptions.Protocol.HTTP_1_1));
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
