package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cogcube.catalog.Catalog;
import org.cogcube.io.ByteRange;
import org.cogcube.io.RangeReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cube keeps the headers of the GeoTIFFs it has read, VRT chunks included: a second query reads none. */
class KeepsHeadersTest {

    @TempDir
    Path dir;

    @Test
    void aSecondQueryOfAVrtCubeReadsNoChunkHeader() {
        TestCubes.cogCube(dir.resolve("cogs"));
        Catalog catalog = TestCubes.vrtCube(dir.resolve("cogs"), dir.resolve("vrts"));
        ExtractsOverHttpTest.Recorder recorder = new ExtractsOverHttpTest.Recorder();
        Cube cube = Cube.of(catalog, location -> recorder.wrap(RangeReaders.open(location)), w -> { });
        // Across the four chunks' corner (column 300, row 250).
        Query query = Query.of(Query.bbox(602500.5, 797000.5, 603500.5, 798000.5, TestCubes.GRID.crs()), "B04")
                .withCloudMask("CLD", 20);
        Extraction first = cube.extract(query);
        assertEquals(2 * 6 * 4, chunkHeaders(recorder), "each chunk's header once");
        recorder.asked.clear();
        Extraction second = cube.extract(query);
        assertEquals(0, chunkHeaders(recorder), "no chunk header again");
        assertTrue(recorder.asked.keySet().stream().anyMatch(l -> l.endsWith(".tif")), "tiles are read");
        assertEquals(first.dropped(), second.dropped());
        assertEquals(first.cuts().size(), second.cuts().size());
    }

    private static long chunkHeaders(ExtractsOverHttpTest.Recorder recorder) {
        return recorder.asked.entrySet().stream().filter(e -> e.getKey().endsWith(".tif"))
                .map(e -> e.getValue()).flatMap(List::stream).filter(r -> r.offset() == 0).map(ByteRange::offset)
                .count();
    }
}
