package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cogcube.SourceException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleartext HTTP/2 with prior knowledge, which the JDK's HttpClient cannot speak: it only offers an
 * HTTP/1.1 upgrade, and nginx's h2c port answers any HTTP/1.1 request with an HTTP/2 error.
 * These tests pin that down, so that the day it changes is noticed.
 */
class HttpRangeReaderH2cTest {
    @TempDir
    Path root;

    @Test
    void refusesPriorKnowledgeClearly() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> HttpRangeReader.open(
                java.net.URI.create("http://127.0.0.1:1/a.tif"),
                HttpOptions.defaults().withProtocol(HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE)));
        assertTrue(e.getMessage().contains("prior knowledge"), e.getMessage());
    }

    @Test
    void failsClearlyAgainstAPriorKnowledgeOnlyServer() throws Exception {
        assumeTrue(NginxServer.available(), "nginx is not installed");
        Files.write(root.resolve("a.bin"), new byte[100]);
        try (NginxServer nginx = NginxServer.start(root, NginxServer.Mode.H2C)) {
            RangeReader reader = HttpRangeReader.open(nginx.uri("a.bin"));
            SourceException e = RangeReaderContractTest.failure(reader.read(List.of(ByteRange.of(0, 10))));
            assertTrue(e.getMessage().contains(nginx.uri("a.bin").toString()), e.getMessage());
        }
    }
}
