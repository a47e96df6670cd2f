package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.io.ByteRange;
import org.cogcube.io.ForwardingRangeReader;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.RasterSource;
import org.cogcube.region.Region;
import org.cogcube.subset.CutAnswer;
import org.cogcube.subset.CutRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's side of a cut: the pixel limit, and a request made again while its files are
 * unchanged answered without reading them, but read afresh once a file is replaced.
 */
class CutServiceTest {
    @TempDir
    static Path dir;
    static final Region FIELD = Query.bbox(602000.5, 799001.5, 602503.5, 799497.5, TestCubes.GRID.crs());

    @BeforeAll
    static void cube() {
        TestCubes.cogCube(dir.resolve("cube"));
    }

    /** Opens readers that count the ranges read through them. */
    static final class Counting {
        final AtomicInteger reads = new AtomicInteger();

        RangeReader open(String location) {
            return new ForwardingRangeReader(RangeReaders.open(location)) {
                @Override
                public java.util.concurrent.CompletableFuture<List<java.nio.ByteBuffer>> read(List<ByteRange> ranges) {
                    reads.addAndGet(ranges.size());
                    return inner.read(ranges);
                }
            };
        }
    }

    static List<Path> files(String date, String... layers) {
        return java.util.Arrays.stream(layers).map(l -> dir.resolve("cube").resolve(date).resolve(l + ".tif")).toList();
    }

    @Test
    void aRequestMadeAgainIsAnsweredWithoutReadingUntilAFileIsReplaced() throws Exception {
        String date = TestCubes.DATES.get(2).toString();
        List<Path> files = files(date, "B04", "CLD");
        CutRequest request = new CutRequest(List.of(date + "/B04.tif", date + "/CLD.tif"), FIELD, false);
        CutService service = new CutService(1 << 20, w -> { });
        Counting first = new Counting();
        CutService.Answer made = service.cut(request, files, first::open).join();
        assertTrue(first.reads.get() > 0);

        Counting again = new Counting();
        CutService.Answer remade = service.cut(request, files, again::open).join();
        assertEquals(0, again.reads.get(), "nothing read for an unchanged request");
        assertEquals(made.etag(), remade.etag());
        assertArrayEquals(made.body(), remade.body());

        Path b04 = files.get(0);
        Path replacement = b04.resolveSibling("B04.new");
        CogWriter.write(RasterSource.of(TestCubes.raster("B08", 2)), replacement, CogOptions.defaults().withBlockSize(256));
        Files.move(replacement, b04, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Counting after = new Counting();
        CutService.Answer changed = service.cut(request, files, after::open).join();
        assertTrue(after.reads.get() > 0, "a replaced file is read afresh");
        assertNotEquals(made.etag(), changed.etag());
        List<CutAnswer.Entry> entries = CutAnswer.decode(changed.body(), "test");
        double expected = TestCubes.value("B08", 2, entries.get(0).window().orElseThrow().column(),
                entries.get(0).window().orElseThrow().row());
        assertEquals(expected, entries.get(0).samples("test").get(0, 0, 0), "B04 now holds B08's values");
    }

    @Test
    void morePixelsThanTheLimitFail() {
        String date = TestCubes.DATES.get(0).toString();
        CutRequest request = new CutRequest(List.of(date + "/B04.tif", date + "/B08.tif"), FIELD, false);
        long pixels = org.cogcube.region.Cutline.of(FIELD.geometry(), TestCubes.GRID, false).sourceWindow()
                .orElseThrow().pixels();
        CutService exact = new CutService(2 * pixels, w -> { });
        assertEquals(2, CutAnswer.decode(exact.cut(request, files(date, "B04", "B08"), RangeReaders::open).join()
                .body(), "test").size());
        CutService strict = new CutService(2 * pixels - 1, w -> { });
        CompletionException e = assertThrows(CompletionException.class,
                () -> strict.cut(request, files(date, "B04", "B08"), RangeReaders::open).join());
        assertTrue(e.getCause() instanceof CutTooLargeException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("more than " + (2 * pixels - 1) + " pixels"),
                e.getCause().getMessage());
    }
}
