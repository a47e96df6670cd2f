package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionException;
import org.cogcube.SourceChangedException;
import org.cogcube.io.CountingRangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers are cached per URL and dropped when the ETag changes; a changed file never gives stale pixels. */
class HeaderCacheTest {

    @TempDir
    Path dir;

    @Test
    void reopeningAnUnchangedUrlCostsNoRequestAndAChangedOneIsDetected() throws Exception {
        Raster first = TestRasters.field(SampleType.UINT16, 300, 200, 1, 1, OptionalDouble.empty());
        Raster second = TestRasters.field(SampleType.UINT16, 300, 200, 1, 2, OptionalDouble.empty());
        Path file = dir.resolve("b04.tif");
        CogWriter.write(RasterSource.of(first), file, CogOptions.defaults().withBlockSize(64));
        HeaderCache cache = new HeaderCache(8);
        try (NginxServer nginx = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1)) {
            String url = nginx.uri("b04.tif").toString();
            Window w = Window.of(10, 20, 100, 50);

            CountingRangeReader c1 = new CountingRangeReader(RangeReaders.open(url));
            try (GeoTiff t = GeoTiff.openAsync(c1, m -> { }, cache).join()) {
                assertEquals(first.grid().transform(), t.grid().transform());
            }
            assertEquals(1, c1.calls(), "the first open reads the header in one request");

            CountingRangeReader c2 = new CountingRangeReader(RangeReaders.open(url));
            int logged = nginx.accessLogOf("/b04.tif ", 1).size();
            try (GeoTiff t = GeoTiff.openAsync(c2, m -> { }, cache).join()) {
                assertEquals(0, c2.calls(), "a cached header needs no request");
                assertEquals(first.get(0, 10, 20), t.read(w, 0).get(0, 0, 0));
                assertEquals(1, c2.calls(), "the tiles' read, whose answer says the version");
            }
            List<String> after = nginx.accessLogOf("/b04.tif ", logged + 1);
            assertEquals(1, after.size() - logged, "no request of its own for the version: "
                    + after.subList(logged, after.size()));

            // Replace the file (as an ingest does): new content, new ETag.
            Path next = dir.resolve("next.tif");
            CogWriter.write(RasterSource.of(second), next, CogOptions.defaults().withBlockSize(64));
            Files.setLastModifiedTime(next, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            // Over HTTP an open through a cached header asks nothing; the first read's answer carries
            // the new ETag, so that read fails and the stale header is dropped. Never old-header pixels.
            try (GeoTiff stale = GeoTiff.openAsync(RangeReaders.open(url), m -> { }, cache).join()) {
                CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                        () -> stale.readAsync(w, 0).join());
                assertInstanceOf(SourceChangedException.class, e.getCause());
                assertEquals(0, cache.size(), "a changed source drops its cached header");
            }

            try (GeoTiff fresh = GeoTiff.openAsync(RangeReaders.open(url), m -> { }, cache).join()) {
                Raster r = fresh.read(w, 0);
                for (int y = 0; y < w.height(); y++) {
                    for (int x = 0; x < w.width(); x++) {
                        assertEquals(second.get(0, 10 + x, 20 + y), r.get(0, x, y));
                    }
                }
            }
        }
    }

    @Test
    void aLocalFileReplacedUnderTheSameNameIsReadAfreshNotFailed() throws Exception {
        Raster first = TestRasters.field(SampleType.UINT16, 200, 100, 1, 3, OptionalDouble.empty());
        Raster second = TestRasters.field(SampleType.UINT16, 300, 150, 1, 4, OptionalDouble.empty());
        Path file = dir.resolve("b08.tif");
        CogWriter.write(RasterSource.of(first), file, CogOptions.defaults().withBlockSize(64));
        HeaderCache cache = new HeaderCache(8);
        try (GeoTiff t = GeoTiff.openAsync(RangeReaders.open(file.toString()), m -> { }, cache).join()) {
            assertEquals(200, t.grid().width());
        }
        // An ingest writes the layer again under the same name (a new file renamed over the old).
        CogWriter.write(RasterSource.of(second), file, CogOptions.defaults().withBlockSize(64));
        try (GeoTiff t = GeoTiff.openAsync(RangeReaders.open(file.toString()), m -> { }, cache).join()) {
            assertEquals(300, t.grid().width(), "the new header, not the cached one");
            assertEquals(second.get(0, 250, 120), t.read(Window.of(250, 120, 1, 1), 0).get(0, 0, 0));
        }
    }

    @Test
    void learnsHowLargeTheHeadersOfAnOriginAreAndAsksForLittleMoreThanThat() throws Exception {
        Raster raster = TestRasters.field(SampleType.UINT16, 300, 200, 1, 1, OptionalDouble.empty());
        for (String name : new String[] {"a.tif", "b.tif"}) {
            CogWriter.write(RasterSource.of(raster), dir.resolve(name), CogOptions.defaults().withBlockSize(64));
        }
        // Same origin, a structure far larger: 16 x 16 pixel tiles make long offset arrays.
        Raster large = TestRasters.field(SampleType.UINT16, 1024, 1024, 1, 3, OptionalDouble.empty());
        CogWriter.write(RasterSource.of(large), dir.resolve("many-tiles.tif"), CogOptions.defaults().withBlockSize(16));
        HeaderCache cache = new HeaderCache(8);
        try (NginxServer nginx = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1)) {
            String a = nginx.uri("a.tif").toString();
            assertEquals(org.cogcube.tiff.TiffFile.DEFAULT_PREFIX, cache.prefixFor(a));
            assertEquals(false, cache.knowsPrefixFor(a));
            var learnt = cache.prefixLearnt(nginx.uri("b.tif").toString());
            long structure;
            try (GeoTiff t = GeoTiff.openAsync(new CountingRangeReader(RangeReaders.open(a)), m -> { }, cache).join()) {
                structure = t.tiff().headerEnd();
            }
            assertEquals(true, learnt.isDone(), "told as soon as a file of the origin was parsed");
            String b = nginx.uri("b.tif").toString();
            int prefix = cache.prefixFor(b);
            assertEquals(true, prefix > structure && prefix <= structure + structure / 4 + 1536,
                    "prefix " + prefix + " for structures of " + structure + " bytes");
            CountingRangeReader cb = new CountingRangeReader(RangeReaders.open(b));
            try (GeoTiff t = GeoTiff.openAsync(cb, m -> { }, cache).join()) {
                assertEquals(1, cb.calls(), "one request still holds the whole header");
                assertEquals(prefix, cb.bytes());
                assertEquals(raster.get(0, 17, 33), t.read(Window.of(17, 33, 1, 1), 0).get(0, 0, 0));
            }
            CountingRangeReader cm = new CountingRangeReader(RangeReaders.open(nginx.uri("many-tiles.tif").toString()));
            try (GeoTiff t = GeoTiff.openAsync(cm, m -> { }, cache).join()) {
                assertEquals(true, cm.calls() > 1, "a larger structure takes more requests");
                assertEquals(large.get(0, 1000, 999), t.read(Window.of(1000, 999, 1, 1), 0).get(0, 0, 0));
            }
            assertEquals(true, cache.prefixFor(b) > prefix, "and the origin's prefix grows to it");
        }
        String local = dir.resolve("a.tif").toString();
        assertEquals(true, cache.knowsPrefixFor(local), "local files need no learning");
        assertEquals(true, cache.prefixLearnt(local).isDone());
    }
}
