package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cogcube.SourceException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link RangeReaders#open} builds for each kind of location; its HTTP stack (with a cache)
 * keeps the contract against nginx over TLS and HTTP/2.
 */
class RangeReadersTest extends NginxContractTest {
    @TempDir
    Path dir;

    @Override
    NginxServer.Mode mode() {
        return NginxServer.Mode.TLS_H2;
    }

    @Override
    RangeReader open(NginxServer nginx, String name) {
        return RangeReaders.open(nginx.uri(name).toString(), OpenOptions.defaults()
                .withHttp(HttpOptions.defaults().withTrustAllCertificates(true))
                .withCache(new BlockCache(32 << 20, 64 << 10)));
    }

    @Test
    void opensALocalPathAsAFile() throws Exception {
        Path file = Files.write(dir.resolve("a.bin"), bytes(100, 1));
        assertInstanceOf(FileRangeReader.class, RangeReaders.open(file.toString()));
        assertInstanceOf(FileRangeReader.class, RangeReaders.open(file.toUri().toString()));
    }

    @Test
    void opensAUrlWithRetriesAndCoalescing() {
        RangeReader reader = RangeReaders.open("https://example.test/a.tif");
        assertInstanceOf(CoalescingRangeReader.class, reader);
        assertEquals("Coalescing[gap 65536, max 8388608](Retrying[4 attempts](HttpRangeReader[https://example.test/a.tif]))",
                reader.toString());
    }

    @Test
    void readsThroughTheCacheWhenGivenOne() throws Exception {
        Path file = Files.write(dir.resolve("b.bin"), bytes(100, 2));
        assertInstanceOf(CachingRangeReader.class,
                RangeReaders.open(file.toString(), OpenOptions.defaults().withCache(new BlockCache(1 << 20, 4096))));
    }

    @Test
    void refusesOtherSchemes() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> RangeReaders.open("s3://bucket/a.tif"));
        assertTrue(e.getMessage().contains("s3:"), e.getMessage());
    }

    @Test
    void namesAMissingLocalFile() {
        SourceException e = assertThrows(SourceException.class, () -> RangeReaders.open(dir.resolve("none.tif").toString()));
        assertEquals(dir.resolve("none.tif").toString(), e.location());
    }
}
