package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.io.ByteRange;
import org.cogcube.io.ForwardingRangeReader;
import org.cogcube.io.HttpOptions;
import org.cogcube.io.OpenOptions;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.Window;
import org.cogcube.region.Cutline;
import org.cogcube.region.Regions;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP from a real nginx (HTTP/1.1 and h2c), a query gives what the original method gives
 * over /vsicurl/, asks each file for its header once and for the tiles the region touches only,
 * and a second query asks for no header at all.
 */
class ExtractsOverHttpTest {

    @TempDir
    static Path dir;
    static NginxServer http;
    static NginxServer h2c;

    @BeforeAll
    static void serve() {
        TestCubes.cogCube(dir.resolve("cube"));
        http = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1);
        h2c = NginxServer.start(dir, NginxServer.Mode.H2C);
    }

    @AfterAll
    static void stop() {
        http.close();
        h2c.close();
    }

    /** Records the ranges asked of every file, by location. */
    static final class Recorder {
        final Map<String, List<ByteRange>> asked = new ConcurrentHashMap<>();

        RangeReader wrap(RangeReader reader) {
            return new ForwardingRangeReader(reader) {
                @Override
                public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
                    asked.computeIfAbsent(location(), l -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .addAll(ranges);
                    return inner.read(ranges);
                }
            };
        }

        long headers() {
            return asked.values().stream().flatMap(List::stream).filter(r -> r.offset() == 0).count();
        }

        long tiles() {
            return asked.values().stream().flatMap(List::stream).filter(r -> r.offset() != 0).count();
        }
    }

    @Test
    void overHttp11ItCutsLikeTheOriginalOverVsicurl() throws Exception {
        String catalog = http.uri("cube/" + Catalogs.SIMPLE_FILE).toString();
        Path roi = dir.resolve("concave.geojson");
        Files.writeString(roi, ExtractsLikeTheOriginalTest.CONCAVE_WGS84);
        Query query = Query.of(Regions.readGeoJson(roi), ExtractsLikeTheOriginalTest.BANDS)
                .withCloudMask("CLD", 20);
        Extraction x = Cube.open(catalog, ReadOptions.defaults().withLayerNames(TestCubes.LAYERS)).extract(query);
        OriginalMethod.Result original = OriginalMethod.run(catalog, ExtractsLikeTheOriginalTest.BANDS, roi,
                "CLD:20", false, TestCubes.DATES.get(0), TestCubes.DATES.get(5), dir);
        Comparison.assertSame(original, x, "over HTTP/1.1");
    }

    @Test
    void overH2cOnlyTouchedTilesAreAskedForAndASecondQueryReadsNoHeader() {
        OpenOptions io = OpenOptions.defaults()
                .withHttp(HttpOptions.defaults().withProtocol(HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE));
        ReadOptions options = ReadOptions.defaults().withIo(io);
        Catalog catalog = Catalogs.open(h2c.uri("cube/" + Catalogs.STAC_FILE).toString(), options);
        Recorder recorder = new Recorder();
        Cube cube = Cube.of(catalog, location -> recorder.wrap(RangeReaders.open(location, io)), w -> { });
        // A small region inside one 256-pixel tile of the first row and its neighbour to the east.
        Query query = Query.of(Query.bbox(602000.5, 799001.5, 603003.5, 799803.5, TestCubes.GRID.crs()), "B04", "B08")
                .withCloudMask("CLD", 20);
        AtomicInteger lastDone = new AtomicInteger();
        Extraction first = cube.extractAsync(query, (done, total) -> {
            assertEquals(18, total);
            lastDone.set(done);
        }).join();
        assertEquals(18, lastDone.get(), "progress told of every file");
        int files = TestCubes.DATES.size() * TestCubes.LAYERS.size();
        Cutline cut = Cutline.of(Query.bbox(602000.5, 799001.5, 603003.5, 799803.5, TestCubes.GRID.crs()).geometry(),
                TestCubes.GRID, false);
        int touched = tilesTouched(cut.sourceWindow().orElseThrow(), 256);
        assertEquals(2, touched, "the region lies across two tiles");
        assertEquals(files, recorder.headers(), "one header read per file");
        assertEquals((long) files * touched, recorder.tiles(), "only the touched tiles, once each");
        assertEquals(files, recorder.asked.size());

        recorder.asked.clear();
        Extraction second = cube.extract(query);
        assertEquals(0, recorder.headers(), "no header read again: " + recorder.asked);
        assertEquals((long) files * touched, recorder.tiles());
        assertEquals(first.dropped(), second.dropped());
        assertEquals(first.cuts().size(), second.cuts().size());
        for (int i = 0; i < first.cuts().size(); i++) {
            assertTrue(java.util.Arrays.equals(first.cuts().get(i).values(), second.cuts().get(i).values()));
        }
    }

    @Test
    void aLayerReplacedBetweenTwoQueriesIsReadAfreshNotFailed() throws Exception {
        TestCubes.cogCube(dir.resolve("replaced"));
        OpenOptions io = OpenOptions.defaults()
                .withHttp(HttpOptions.defaults().withProtocol(HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE));
        Cube cube = Cube.open(h2c.uri("replaced/" + Catalogs.STAC_FILE).toString(),
                ReadOptions.defaults().withIo(io));
        Query query = Query.of(Query.bbox(602000.5, 799001.5, 603003.5, 799803.5, TestCubes.GRID.crs()), "B04", "B08")
                .on(TestCubes.DATES.get(0));
        Extraction before = cube.extract(query);

        // An ingest puts new content under the same name (a new file renamed over the old one);
        // its modification time moves on, so nginx gives it a new ETag.
        Path b04 = dir.resolve("replaced").resolve(TestCubes.DATES.get(0).toString()).resolve("B04.tif");
        java.nio.file.attribute.FileTime old = Files.getLastModifiedTime(b04);
        CogWriter.write(RasterSource.of(TestCubes.raster("B08", 0)), b04, CogOptions.defaults().withBlockSize(256));
        Files.setLastModifiedTime(b04, java.nio.file.attribute.FileTime.fromMillis(old.toMillis() + 5000));

        Extraction after = cube.extract(query);
        float[] newB04 = after.get("B04", TestCubes.DATES.get(0)).orElseThrow().values();
        float[] b08 = before.get("B08", TestCubes.DATES.get(0)).orElseThrow().values();
        assertTrue(java.util.Arrays.equals(b08, newB04), "B04 now holds what B08 holds");
        assertTrue(!java.util.Arrays.equals(before.get("B04", TestCubes.DATES.get(0)).orElseThrow().values(), newB04));
    }

    private static int tilesTouched(Window w, int tile) {
        int columns = (w.endColumn() - 1) / tile - w.column() / tile + 1;
        int rows = (w.endRow() - 1) / tile - w.row() / tile + 1;
        return columns * rows;
    }
}
