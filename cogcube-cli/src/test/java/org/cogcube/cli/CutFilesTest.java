package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cogcube.client.LayerCut;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutFilesTest {

    @Test
    void blockHoldsTheCutInOneTileUpTo512() {
        assertEquals(16, CutFiles.blockFor(1));
        assertEquals(16, CutFiles.blockFor(16));
        assertEquals(64, CutFiles.blockFor(50));
        assertEquals(512, CutFiles.blockFor(512));
        assertEquals(512, CutFiles.blockFor(3000));
    }

    @Test
    void writesEveryCutAsAValidCogThatGdalReadsBack(@TempDir Path out) {
        List<LayerCut> cuts = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            int width = 37 + d * 11;
            int height = 50 + d * 3;
            cuts.add(new LayerCut(d % 2 == 0 ? "B04" : "B08", LocalDate.of(2018, 1, 1 + d), ramp(width, height, d)));
        }
        try (CutFiles files = new CutFiles(out)) {
            cuts.forEach(files::submit);
            files.await();
        }
        for (LayerCut cut : cuts) {
            String file = out.resolve(cut.band()).resolve(cut.date() + ".tif").toString();
            assertTrue(Gdal.validateCog(Path.of(file)).valid(), file);
            GdalInfo info = Gdal.info(file);
            int side = Math.max(cut.raster().width(), cut.raster().height());
            assertEquals(CutFiles.blockFor(side), info.bands().get(0).blockWidth(), file);
            double[] read = Gdal.readWindow(file, 1, 0, 0, info.width(), info.height(), -1);
            float[] expected = cut.values();
            float[] actual = new float[read.length];
            for (int i = 0; i < read.length; i++) {
                actual[i] = (float) read[i];
            }
            assertArrayEquals(expected, actual, file);
        }
    }

    private static Raster ramp(int width, int height, int seed) {
        GridGeometry grid = new GridGeometry(width, height, GeoTransform.northUp(600000 + seed * 10, 800000, 10, 10),
                Crs.epsg(32630));
        ByteBuffer bytes = ByteBuffer.allocate(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < width * height; i++) {
            bytes.putFloat(i % 7 == 0 ? Float.NaN : (float) (i * 0.25 + seed));
        }
        return Raster.wrap(SampleType.FLOAT32, grid, OptionalDouble.of(Double.NaN), bytes.array());
    }
}
