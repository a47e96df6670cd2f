package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.raster.Window;
import org.cogcube.region.Cutline;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** The assemble step on pictures: a 6 x 4 grid of 1 m pixels, cut to a triangle partly west of it. */
class MaskingTest {

    static final GridGeometry GRID = new GridGeometry(6, 4, GeoTransform.northUp(0, 4, 1, 1), Crs.epsg(32630));
    static final float N = Float.NaN;

    static Cutline cut() throws Exception {
        // Centres kept: a triangle from (-2, 4) to (5, 4) to (-2, 0): the cut starts two columns west of the grid.
        return Cutline.of(new WKTReader().read("POLYGON ((-2 4, 5 4, -2 0, -2 4))"), GRID, false);
    }

    static Raster source(SampleType type, OptionalDouble nodata, double... values) {
        return source(GRID, type, nodata, values);
    }

    static Raster source(GridGeometry grid, SampleType type, OptionalDouble nodata, double... values) {
        byte[] bytes = new byte[values.length * type.bytes()];
        for (int i = 0; i < values.length; i++) {
            Samples.put(type, bytes, i, values[i]);
        }
        return Raster.wrap(type, grid, nodata, bytes);
    }

    static Raster inside(Cutline cut, Raster grid) {
        Window w = cut.sourceWindow().orElseThrow();
        double[] all = grid.toDoubles(0);
        double[] part = new double[w.width() * w.height()];
        for (int y = 0; y < w.height(); y++) {
            for (int x = 0; x < w.width(); x++) {
                part[y * w.width() + x] = all[(w.row() + y) * GRID.width() + w.column() + x];
            }
        }
        return source(GRID.window(w.column(), w.row(), w.width(), w.height()), grid.type(), grid.nodata(), part);
    }

    @Test
    void theCutIsWhatGdalwarpCropsTo() throws Exception {
        Cutline cut = cut();
        assertEquals(-2, cut.column());
        assertEquals(7, cut.width());
        assertEquals(4, cut.height());
        assertEquals(Optional.of(Window.of(0, 0, 5, 4)), cut.sourceWindow());
    }

    @Test
    void bandValuesOutsideTheRegionTheGridOrTheDataAreNaN() throws Exception {
        Cutline cut = cut();
        Raster band = inside(cut, source(SampleType.INT16, OptionalDouble.of(-9999),
                1, 2, 3, -9995, 5, 6,
                7, -9999, 9, 10, 11, 12,
                13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24));
        float[] values = Masking.band(cut, Optional.of(band), band.nodata(), -9990);
        assertArrayEquals(new float[] {
            N, N, 1, 2, 3, N, N,
            N, N, 7, N, N, N, N,
            N, N, 13, N, N, N, N,
            N, N, N, N, N, N, N}, values);
    }

    @Test
    void cloudValuesAroundTheRegionAreZeroWithoutNodataAsGdalwarpWritesThem() throws Exception {
        Cutline cut = cut();
        Raster cloud = inside(cut, source(SampleType.UINT8, OptionalDouble.empty(),
                90, 90, 90, 90, 90, 90,
                90, 90, 90, 90, 90, 90,
                90, 90, 90, 90, 90, 90,
                90, 90, 90, 90, 90, 90));
        double[] values = Masking.cloud(cut, Optional.of(cloud), OptionalDouble.empty());
        assertArrayEquals(new double[] {
            0, 0, 90, 90, 90, 90, 0,
            0, 0, 90, 90, 0, 0, 0,
            0, 0, 90, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0}, values);
        assertTrue(Masking.anyClear(values, 20), "the zeros around the region count as clear");
        double[] withNodata = Masking.cloud(cut, Optional.of(cloud), OptionalDouble.of(255));
        assertFalse(Masking.anyClear(withNodata, 20), "a cloud layer with nodata 255 reads 255 around the region");
    }

    @Test
    void cloudyPixelsBecomeNaNAndAllNaNIsSeen() {
        float[] band = {1, 2, 3, 4};
        Masking.maskClouds(band, new double[] {0, 20, 21, 100}, 20);
        assertArrayEquals(new float[] {1, 2, N, N}, band);
        assertFalse(Masking.allNaN(band));
        assertTrue(Masking.allNaN(new float[] {N, N}));
    }
}
