package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;
import org.cogcube.tiff.codec.Compression;

/** read(write(x)) == x, bit for bit, across types, sizes, band counts, block sizes and codecs. */
class RoundTripProperties {

    @Property(tries = 60, seed = "20261123")
    void readingWhatWasWrittenGivesItBack(@ForAll SampleType type, @ForAll @IntRange(min = 1, max = 300) int width,
            @ForAll @IntRange(min = 1, max = 300) int height, @ForAll @IntRange(min = 1, max = 3) int bands,
            @ForAll @IntRange(min = 1, max = 4) int blockSixteenths, @ForAll Compression compression,
            @ForAll long seed) throws IOException {
        Raster raster = TestRasters.randomBits(type, width, height, bands, seed);
        Path dir = Files.createTempDirectory("cogcube-roundtrip");
        try {
            Path out = dir.resolve("x.tif");
            CogOptions options = CogOptions.defaults().withCompression(compression).withBlockSize(16 * blockSixteenths
                    * blockSixteenths);
            CogWriter.write(RasterSource.of(raster), out, options);
            try (GeoTiff back = GeoTiff.open(out)) {
                assertEquals(type, back.type());
                assertEquals(bands, back.bandCount());
                Raster read = back.read(Window.full(width, height), 0);
                for (int b = 0; b < bands; b++) {
                    byte[] expected = new byte[width * height * type.bytes()];
                    byte[] actual = new byte[expected.length];
                    raster.data(b).get(expected);
                    read.data(b).get(actual);
                    assertArrayEquals(expected, actual, "band " + b);
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
