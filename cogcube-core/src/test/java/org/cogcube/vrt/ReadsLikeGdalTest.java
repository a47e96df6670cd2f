package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mosaics that gdalbuildvrt made over COG chunks read as GDAL reads them, pixel for pixel:
 * windows inside one chunk, across chunk edges and over everything, every band.
 */
class ReadsLikeGdalTest {

    static Stream<String> mosaics() {
        return Stream.of("u16/mosaic.vrt", "u16/mosaic_nodata.vrt", "overlap/mosaic.vrt", "overlap/mosaic_nodata.vrt",
                "f32/mosaic.vrt", "rgb/mosaic.vrt", "rgb/separate.vrt");
    }

    /** Everything; inside one chunk; across the 3x2 grid's inner corners; thin strips; one pixel; the last corner. */
    static List<Window> windows() {
        return List.of(Window.full(700, 500), Window.of(10, 20, 100, 90), Window.of(200, 250, 400, 120),
                Window.of(255, 0, 2, 500), Window.of(0, 299, 700, 2), Window.of(511, 299, 1, 1),
                Window.of(600, 450, 100, 50), Window.of(290, 190, 120, 120));
    }

    @ParameterizedTest
    @MethodSource("mosaics")
    void readsEveryWindowOfEveryBandAsGdalDoes(String name) {
        String path = Mosaics.path(name).toString();
        GdalInfo info = Gdal.info(path);
        try (Vrt vrt = Vrt.open(path)) {
            assertEquals(info.bandCount(), vrt.bandCount(), "bands");
            assertEquals(info.band(1).dataType(), vrt.type().gdalName(), "data type");
            int bytes = vrt.type().bytes();
            for (int band = 0; band < vrt.bandCount(); band++) {
                byte[] expected = Gdal.readWindowRaw(path, band + 1, 0, 0, info.width(), info.height(), -1);
                for (Window w : windows()) {
                    Raster r = vrt.read(w, band);
                    assertArrayEquals(Mosaics.slice(expected, info.width(), bytes, w), Mosaics.bytes(r, 0),
                            name + " band " + (band + 1) + " " + w);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("mosaics")
    void readsAllBandsAtOnceAsOneByOne(String name) {
        try (Vrt vrt = Vrt.open(Mosaics.path(name))) {
            Window w = Window.of(290, 190, 120, 120);
            Raster all = vrt.read(w);
            assertEquals(vrt.bandCount(), all.bandCount());
            for (int band = 0; band < vrt.bandCount(); band++) {
                assertArrayEquals(Mosaics.bytes(vrt.read(w, band), 0), Mosaics.bytes(all, band), "band " + band);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("mosaics")
    void reportsGridNodataAndTypeAsGdalDoes(String name) {
        String path = Mosaics.path(name).toString();
        GdalInfo info = Gdal.info(path);
        try (Vrt vrt = Vrt.open(path)) {
            assertEquals(info.width(), vrt.grid().width());
            assertEquals(info.height(), vrt.grid().height());
            assertArrayEquals(info.geoTransform(), vrt.grid().transform().toGdal(), 1e-9);
            assertEquals(info.epsg(), vrt.grid().crs().epsg());
            for (int b = 0; b < vrt.bandCount(); b++) {
                Double nodata = info.band(b + 1).nodata();
                if (nodata == null) {
                    assertTrue(vrt.nodata(b).isEmpty(), "no nodata expected, found " + vrt.nodata(b));
                } else {
                    assertEquals(nodata, vrt.nodata(b).getAsDouble(), 0.0, "nodata of band " + (b + 1));
                }
                assertEquals(info.band(b + 1).scale(), vrt.scales()[b], 0.0);
                assertEquals(info.band(b + 1).offset(), vrt.offsets()[b], 0.0);
            }
        }
    }
}
