package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL is the oracle. We decode the chunks GDAL writes, in every compression, predictor, sample
 * type, byte order and layout, to exactly the pixels GDAL reads; and GDAL reads the TIFFs we
 * write with our codecs and predictors, without a warning, to exactly our pixels.
 */
class GdalInteropTest {

    @TestFactory
    Stream<DynamicTest> decodesChunksGdalWrote(@TempDir Path dir) throws IOException, InterruptedException {
        GdalPython.run(dir, "gdal_writes_chunks.py", dir.toString());
        List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"));
        assertTrue(lines.size() > 800, "GDAL wrote " + lines.size() + " chunks");
        return lines.stream().filter(l -> !l.isBlank()).map(line -> {
            String[] f = line.split("\t");
            return dynamicTest(f[0], () -> {
                Compression compression = Compression.of(Integer.parseInt(f[1]));
                Predictor predictor = Predictor.of(Integer.parseInt(f[2]));
                SampleType type = SampleType.valueOf(f[3]);
                ByteOrder order = f[4].equals("BIG") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                int spp = Integer.parseInt(f[5]);
                int chunkWidth = Integer.parseInt(f[6]);
                int chunkRows = Integer.parseInt(f[7]);
                int validWidth = Integer.parseInt(f[8]);
                int validRows = Integer.parseInt(f[9]);
                byte[] chunk = Files.readAllBytes(dir.resolve(f[10]));
                byte[] expected = Files.readAllBytes(dir.resolve(f[11]));

                int pixelBytes = spp * type.bytes();
                byte[] decoded = compression.codec().decode(chunk, 0, chunk.length, chunkWidth * chunkRows * pixelBytes);
                predictor.decode(decoded, 0, chunkWidth, chunkRows, spp, type, order);
                byte[] little = order == ByteOrder.BIG_ENDIAN ? TestRasters.swapped(decoded, type.bytes()) : decoded;
                for (int r = 0; r < validRows; r++) {
                    int from = r * chunkWidth * pixelBytes;
                    int expectedFrom = r * validWidth * pixelBytes;
                    assertArrayEquals(Arrays.copyOfRange(expected, expectedFrom, expectedFrom + validWidth * pixelBytes),
                            Arrays.copyOfRange(little, from, from + validWidth * pixelBytes), "row " + r);
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> writesChunksGdalReads(@TempDir Path dir) throws IOException, InterruptedException {
        List<Case> cases = new ArrayList<>();
        for (Compression compression : Compression.values()) {
            for (SampleType type : SampleType.values()) {
                for (Predictor predictor : Predictor.values()) {
                    boolean predicts = compression != Compression.NONE && compression != Compression.PACKBITS;
                    if (predictor == Predictor.NONE || predicts
                            && (predictor == Predictor.HORIZONTAL || type.isFloatingPoint())) {
                        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                            for (int spp : new int[] {1, 3}) {
                                cases.add(new Case(compression, compression.defaultLevel(), predictor, type, order,
                                        spp, 70, 45, 20));
                            }
                        }
                    }
                }
            }
        }
        // Whole 512 x 512 tiles: many LZW table resets, and the extreme levels.
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (Predictor predictor : new Predictor[] {Predictor.NONE, Predictor.HORIZONTAL}) {
                cases.add(new Case(Compression.LZW, 0, predictor, SampleType.UINT16, order, 1, 512, 512, 512));
            }
        }
        cases.add(new Case(Compression.DEFLATE, 1, Predictor.HORIZONTAL, SampleType.INT16, ByteOrder.LITTLE_ENDIAN,
                1, 512, 512, 512));
        cases.add(new Case(Compression.DEFLATE, 4, Predictor.HORIZONTAL, SampleType.UINT16, ByteOrder.LITTLE_ENDIAN,
                1, 512, 512, 512));
        cases.add(new Case(Compression.DEFLATE, 9, Predictor.HORIZONTAL, SampleType.INT16, ByteOrder.BIG_ENDIAN,
                1, 512, 512, 512));
        cases.add(new Case(Compression.ZSTD, 1, Predictor.FLOATING_POINT, SampleType.FLOAT32,
                ByteOrder.LITTLE_ENDIAN, 1, 512, 512, 512));
        cases.add(new Case(Compression.ZSTD, 22, Predictor.FLOATING_POINT, SampleType.FLOAT64,
                ByteOrder.BIG_ENDIAN, 1, 256, 256, 256));

        StringBuilder manifest = new StringBuilder();
        for (Case c : cases) {
            c.write(dir);
            manifest.append(c.name()).append('\t').append(c.name()).append(".tif\t").append(c.name())
                    .append(".pixels\t").append(c.type.gdalName().replace("Int8", "Byte")).append('\t')
                    .append(c.samplesPerPixel).append('\n');
        }
        Files.writeString(dir.resolve("manifest.tsv"), manifest);
        String report = GdalPython.run(dir, "gdal_reads_tiffs.py", dir.resolve("manifest.tsv").toString());
        Map<String, String> verdicts = new HashMap<>();
        for (String line : report.split("\n")) {
            if (line.startsWith("OK ")) {
                verdicts.put(line.substring(3), "OK");
            } else if (line.startsWith("FAIL ")) {
                verdicts.put(line.substring(5, line.indexOf(':')), line);
            }
        }
        return cases.stream().map(c -> dynamicTest(c.name(),
                () -> assertEquals("OK", verdicts.getOrDefault(c.name(), "no verdict from GDAL for " + c.name()))));
    }

    /** One TIFF written with our codec and predictor, in strips of {@code rowsPerStrip} rows. */
    private record Case(Compression compression, int level, Predictor predictor, SampleType type, ByteOrder order,
            int samplesPerPixel, int width, int height, int rowsPerStrip) {

        String name() {
            return String.format("%s_l%d_%s_%s_%s_spp%d_%dx%d", compression, level, predictor, type,
                    order == ByteOrder.BIG_ENDIAN ? "BIG" : "LITTLE", samplesPerPixel, width, height);
        }

        void write(Path dir) throws IOException {
            long seed = name().hashCode();
            byte[] pixels = TestRasters.make(type, width, height, samplesPerPixel, order, seed);
            int rowBytes = width * samplesPerPixel * type.bytes();
            List<byte[]> strips = new ArrayList<>();
            for (int y = 0; y < height; y += rowsPerStrip) {
                int rows = Math.min(rowsPerStrip, height - y);
                byte[] strip = Arrays.copyOfRange(pixels, y * rowBytes, (y + rows) * rowBytes);
                predictor.encode(strip, 0, width, rows, samplesPerPixel, type, order);
                strips.add(compression.codec().encode(strip, 0, strip.length, level));
            }
            Files.write(dir.resolve(name() + ".tif"), TinyTiff.write(order, width, height, samplesPerPixel, type,
                    compression.code(), predictor.code(), rowsPerStrip, strips));
            Files.write(dir.resolve(name() + ".pixels"), order == ByteOrder.BIG_ENDIAN
                    ? TestRasters.swapped(pixels, type.bytes()) : pixels);
        }
    }
}
