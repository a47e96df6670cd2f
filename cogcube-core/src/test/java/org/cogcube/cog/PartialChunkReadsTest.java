package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Random;
import org.cogcube.io.CountingRangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;
import org.cogcube.tiff.codec.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A window that needs only the top rows of a tile fetches only the start of the tile's bytes
 * when the tile decodes as a stream, and completes it with a second read when that start falls
 * short; the pixels are those of a whole-tile read either way.
 */
class PartialChunkReadsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"DEFLATE", "LZW", "NONE"})
    void aWindowAtTheTopOfATileFetchesOnlyTheStartOfIt(Compression compression) {
        Path file = dir.resolve(compression + ".tif");
        Raster image = TestRasters.field(SampleType.UINT16, 1024, 1024, 1, 7, OptionalDouble.empty());
        CogWriter.write(RasterSource.of(image), file, CogOptions.defaults().withCompression(compression).withOverviews(false));
        Window top = new Window(600, 530, 50, 40); // rows 18 to 57 of the second row of tiles
        try (GeoTiff whole = GeoTiff.open(file.toString());
                CountingRangeReader counted = new CountingRangeReader(RangeReaders.open(file.toString()));
                GeoTiff partial = GeoTiff.openAsync(counted, w -> { }).join()) {
            long tileBytes = whole.level(0).byteCounts()[whole.level(0).chunkIndex(0, 1, 1)];
            counted.reset();
            Raster read = partial.read(top);
            assertEquals(1, counted.calls(), "one read: the prefix held the rows");
            assertTrue(counted.bytes() < tileBytes / 4, counted.bytes() + " bytes fetched of a tile of " + tileBytes);
            assertSamePixels(whole.read(new Window(512, 512, 512, 512)), 88, 18, read);
        }
    }

    @Test
    void aPrefixThatFallsShortIsCompletedBySecondRead() {
        // The top rows are noise and the rest constant: nearly all of a tile's bytes hold its top rows,
        // far more than their share of the rows.
        Path file = dir.resolve("dense-top.tif");
        Random random = new Random(11);
        ByteBuffer samples = ByteBuffer.allocate(512 * 512 * 2);
        for (int i = 0; i < 512 * 512; i++) {
            samples.putShort((short) (i < 512 * 100 ? random.nextInt(65536) : 1000));
        }
        Raster image = Raster.wrap(SampleType.UINT16, TestRasters.utmGrid(512, 512), OptionalDouble.empty(),
                samples.array());
        CogWriter.write(RasterSource.of(image), file, CogOptions.defaults().withOverviews(false));
        try (GeoTiff whole = GeoTiff.open(file.toString());
                CountingRangeReader counted = new CountingRangeReader(RangeReaders.open(file.toString()));
                GeoTiff partial = GeoTiff.openAsync(counted, w -> { }).join()) {
            long tileBytes = whole.level(0).byteCounts()[0];
            counted.reset();
            Raster read = partial.read(new Window(3, 60, 200, 90));
            assertEquals(2, counted.calls(), "the start of the tile, then the rest");
            assertEquals(tileBytes, counted.bytes(), "together, the tile once");
            assertSamePixels(whole.read(new Window(0, 0, 512, 512)), 3, 60, read);
        }
    }

    /** {@code part} equals the window of {@code all} at (column, row). */
    private static void assertSamePixels(Raster all, int column, int row, Raster part) {
        ByteBuffer a = all.data(0);
        ByteBuffer p = part.data(0);
        int w = part.grid().width();
        int allWidth = all.grid().width();
        for (int y = 0; y < part.grid().height(); y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(a.getShort(((row + y) * allWidth + column + x) * 2), p.getShort((y * w + x) * 2),
                        "pixel " + x + ", " + y);
            }
        }
    }
}
