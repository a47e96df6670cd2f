package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.testing.CogValidation;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.cogcube.tiff.codec.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the writer makes, GDAL's validator accepts as a COG, {@code gdalinfo} reports as
 * {@code LAYOUT=COG}, and GDAL reads back pixel-equal, georeferenced, with the overviews GDAL
 * itself would compute.
 */
class CogWriterGdalTest {

    @TempDir
    Path dir;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(SampleType.UINT16, 1, Compression.DEFLATE, 256, 700, 500),
                Arguments.of(SampleType.UINT8, 3, Compression.LZW, 128, 300, 260),
                Arguments.of(SampleType.INT16, 2, Compression.ZSTD, 64, 200, 130),
                Arguments.of(SampleType.FLOAT32, 1, Compression.DEFLATE, 128, 333, 222),
                Arguments.of(SampleType.FLOAT64, 1, Compression.ZSTD, 64, 150, 90),
                Arguments.of(SampleType.UINT32, 1, Compression.LZW, 64, 100, 170),
                Arguments.of(SampleType.INT32, 2, Compression.NONE, 32, 70, 50),
                Arguments.of(SampleType.INT8, 1, Compression.DEFLATE, 16, 40, 33));
    }

    @ParameterizedTest(name = "{0} x{1} {2} block {3} size {4}x{5}")
    @MethodSource("variants")
    void writesAValidCogThatGdalReadsBackEqual(SampleType type, int bands, Compression compression, int block,
            int width, int height) throws Exception {
        Raster raster = TestRasters.field(type, width, height, bands, 42, OptionalDouble.empty());
        Path out = dir.resolve("out.tif");
        CogWriter.write(RasterSource.of(raster), out, CogOptions.defaults().withCompression(compression)
                .withBlockSize(block));

        CogValidation validation = Gdal.validateCog(out);
        assertTrue(validation.valid(), validation.output());
        GdalInfo info = Gdal.info(out.toString());
        assertTrue(info.cogLayout(), "gdalinfo should report LAYOUT=COG");
        assertEquals(width, info.width());
        assertEquals(height, info.height());
        assertEquals(bands, info.bandCount());
        assertEquals(Integer.valueOf(32630), info.epsg());
        assertArrayEquals(raster.grid().transform().toGdal(), info.geoTransform(), 1e-9);
        assertEquals(compression == Compression.NONE ? null : compression.name(), info.compression());
        for (int b = 0; b < bands; b++) {
            byte[] expected = new byte[width * height * type.bytes()];
            raster.data(b).get(expected);
            assertArrayEquals(expected, Gdal.readWindowRaw(out.toString(), b + 1, 0, 0, width, height, -1),
                    "band " + (b + 1));
        }
    }

    @Test
    void overviewsEqualGdalsOwnAverageOverviews() throws Exception {
        // Odd sizes make the ratio between levels not exactly 2, where GDAL weights partial pixels.
        Raster raster = TestRasters.field(SampleType.UINT16, 1100, 700, 1, 7, OptionalDouble.of(0));
        Path ours = dir.resolve("ours.tif");
        CogWriter.write(RasterSource.of(raster), ours, CogOptions.defaults().withBlockSize(128));
        Path plain = dir.resolve("plain.tif");
        CogWriter.write(RasterSource.of(raster), plain, CogOptions.defaults().withOverviews(false)
                .withCompression(Compression.NONE));
        Path gdal = dir.resolve("gdal.tif");
        Gdal.run("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=128", "-co", "RESAMPLING=AVERAGE",
                "-co", "COMPRESS=DEFLATE", plain.toString(), gdal.toString());
        GdalInfo oursInfo = Gdal.info(ours.toString());
        GdalInfo gdalInfo = Gdal.info(gdal.toString());
        assertEquals(gdalInfo.overviews(), oursInfo.overviews(), "overview sizes");
        for (int o = 0; o < gdalInfo.overviews().size(); o++) {
            int w = gdalInfo.overviews().get(o).width();
            int h = gdalInfo.overviews().get(o).height();
            double[] expected = Gdal.readWindow(gdal.toString(), 1, 0, 0, w, h, o);
            double[] actual = Gdal.readWindow(ours.toString(), 1, 0, 0, w, h, o);
            // Stated tolerance: at most 1 (integer rounding), measured equal on GDAL 3.6.
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst <= 1, "overview " + o + " differs from GDAL's by up to " + worst);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Resampling.class, names = {"NEAREST", "MODE"})
    void categoricalOverviewsEqualGdals(Resampling resampling) throws Exception {
        // A land-use-like layer: blocks of classes with speckle, on sizes that do not halve evenly.
        java.util.Random random = new java.util.Random(11);
        byte[] classes = new byte[1100 * 700];
        for (int y = 0; y < 700; y++) {
            for (int x = 0; x < 1100; x++) {
                int c = (x / 37 + y / 23) % 7;
                classes[y * 1100 + x] = (byte) (random.nextInt(5) == 0 ? random.nextInt(7) : c);
            }
        }
        Raster raster = Raster.wrap(SampleType.UINT8, TestRasters.utmGrid(1100, 700), OptionalDouble.empty(), classes);
        Path plain = dir.resolve("plain.tif");
        CogWriter.write(RasterSource.of(raster), plain, CogOptions.defaults().withOverviews(false));
        Path ours = dir.resolve("ours.tif");
        CogWriter.write(RasterSource.of(raster), ours, CogOptions.defaults().withBlockSize(128)
                .withResampling(resampling));
        Path gdal = dir.resolve("gdal.tif");
        Gdal.run("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=128", "-co",
                "RESAMPLING=" + resampling.gdalName(), plain.toString(), gdal.toString());
        GdalInfo info = Gdal.info(gdal.toString());
        assertEquals(info.overviews(), Gdal.info(ours.toString()).overviews());
        for (int o = 0; o < info.overviews().size(); o++) {
            int w = info.overviews().get(o).width();
            int h = info.overviews().get(o).height();
            assertArrayEquals(Gdal.readWindowRaw(gdal.toString(), 1, 0, 0, w, h, o),
                    Gdal.readWindowRaw(ours.toString(), 1, 0, 0, w, h, o), resampling + " overview " + o);
        }
    }

    @Test
    void fileSizeIsCloseToGdals() throws Exception {
        Raster raster = TestRasters.field(SampleType.UINT16, 900, 800, 1, 3, OptionalDouble.empty());
        Path ours = dir.resolve("ours.tif");
        CogWriter.write(RasterSource.of(raster), ours, CogOptions.defaults());
        Path plain = dir.resolve("plain.tif");
        CogWriter.write(RasterSource.of(raster), plain, CogOptions.defaults().withOverviews(false)
                .withCompression(Compression.NONE));
        Path gdal = dir.resolve("gdal.tif");
        Gdal.run("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2",
                "-co", "RESAMPLING=AVERAGE", plain.toString(), gdal.toString());
        double ratio = (double) Files.size(ours) / Files.size(gdal);
        assertTrue(ratio < 1.05, "our file is " + ratio + " times GDAL's");
    }

    @Test
    void nodataAndPermissionsAreThoseOfANormalFile() throws Exception {
        Raster raster = TestRasters.field(SampleType.INT16, 300, 200, 1, 5, OptionalDouble.of(-9999));
        Path out = dir.resolve("nodata.tif");
        CogWriter.write(RasterSource.of(raster), out, CogOptions.defaults().withBlockSize(64));
        assertEquals(-9999.0, Gdal.info(out.toString()).band(1).nodata());
        assertTrue(Files.isReadable(out));
        String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out));
        assertTrue(perms.startsWith("rw-r"), "a COG must be readable by a server, got " + perms);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may remain");
        }
    }

    @Test
    void writesBigTiffWhenTheDataOutgrowsClassicOffsets() throws Exception {
        // A 4 GiB file takes minutes; lowering the limit exercises the same BigTIFF path.
        Raster raster = TestRasters.field(SampleType.FLOAT32, 700, 600, 2, 9, OptionalDouble.of(Double.NaN));
        Path out = dir.resolve("big.tif");
        CogWriter.write(RasterSource.of(raster), out, CogOptions.defaults().withBlockSize(128), CogWriter.Progress.NONE,
                1000);
        try (GeoTiff back = GeoTiff.open(out)) {
            assertTrue(back.tiff().header().bigTiff(), "expected BigTIFF");
        }
        CogValidation validation = Gdal.validateCog(out);
        assertTrue(validation.valid(), validation.output());
        assertTrue(Gdal.info(out.toString()).cogLayout());
        for (int b = 0; b < 2; b++) {
            byte[] expected = new byte[700 * 600 * 4];
            raster.data(b).get(expected);
            assertArrayEquals(expected, Gdal.readWindowRaw(out.toString(), b + 1, 0, 0, 700, 600, -1));
        }
    }
}
