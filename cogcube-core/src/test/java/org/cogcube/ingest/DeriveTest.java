package org.cogcube.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DeriveTest {
    static final GridGeometry GRID = CubeGrid.grid(Crs.epsg(32630), 10, 10, new double[] {500000, 4000000, 500040, 4000010});
    static final double NODATA = -9999;

    @TempDir
    Path dir;

    @Test
    void derivesFloat32WithNaNForNodataAndDivisionByZero() {
        // pixel:        0     1      2        3
        double[] b08 = {30, 5, NODATA, 0};
        double[] b04 = {10, -5, 7, 0};
        Path cube = dir.resolve("cube");
        CubeGrid.create(cube, GRID);
        Map<String, List<Input>> layers = new LinkedHashMap<>();
        layers.put("B08", List.of(new Input(input("b08.tif", b08).toString(), 1)));
        layers.put("B04", List.of(new Input(input("b04.tif", b04).toString(), 1)));
        Ingest.Result r = Ingest.run(cube, LocalDate.parse("2018-01-02"), layers,
                IngestOptions.defaults().withDerivations(List.of(Derivation.parse("NDVI=(B08-B04)/(B08+B04)"))));
        String ndvi = r.files().get("NDVI").toString();
        assertEquals("Float32", Gdal.info(ndvi).bands().get(0).dataType(), "GDAL sees a float32 layer");
        double[] v = Gdal.readWindow(ndvi, 1, 0, 0, 4, 1, -1);
        assertEquals(0.5, v[0], 1e-7, "(30-10)/(30+10)");
        assertTrue(Double.isNaN(v[1]), "5 + -5 = 0: division by zero gives NaN, found " + v[1]);
        assertTrue(Double.isNaN(v[2]), "B08 has no data: NaN, found " + v[2]);
        assertTrue(Double.isNaN(v[3]), "0/0: NaN, found " + v[3]);
    }

    @Test
    void refusesMalformedExpressionsSayingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Derivation.parse("NDVI=(B08-B04/(B08+B04)"));
        assertTrue(e.getMessage().contains("expected ')'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Derivation.parse("(B08-B04)"));
        assertTrue(e.getMessage().contains("expected NAME=EXPRESSION"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Derivation.parse("X=B08 * * 2"));
        assertTrue(e.getMessage().contains("at character 7"), e.getMessage());
    }

    private Path input(String name, double[] values) {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            Samples.put(SampleType.INT16, bytes, i, values[i]);
        }
        Path file = dir.resolve(name);
        CogWriter.write(RasterSource.of(Raster.wrap(SampleType.INT16, GRID, OptionalDouble.of(NODATA), bytes)), file,
                CogOptions.defaults().withBlockSize(16));
        return file;
    }
}
