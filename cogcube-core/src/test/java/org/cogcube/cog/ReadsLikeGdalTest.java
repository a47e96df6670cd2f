package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every well-formed fixture (each an edge case GDAL made), what cogcube reads equals what
 * GDAL reads: every band, every level, windows that are not tile-aligned, and the
 * georeferencing, nodata, scale and offset.
 */
class ReadsLikeGdalTest {

    static Stream<String> fixtures() {
        return Stream.of("none_uint8.tif", "deflate_predictor2_uint16.tif", "lzw_predictor2_int16.tif",
                "lzw_uint8_striped.tif", "zstd_predictor3_float32.tif", "deflate_predictor3_float64.tif",
                "packbits_int8.tif", "zstd_uint32.tif", "lzw_int32.tif", "adobe_deflate_uint16.tif",
                "deflate_predictor2_uint16_bigendian.tif", "lzw_predictor3_float32_bigendian.tif",
                "bigtiff_tiled_uint16.tif", "bigtiff_striped_float32_bigendian.tif", "planar_3band_deflate_uint8.tif",
                "pixel_interleaved_4band_predictor2_uint16.tif", "striped_planar_2band_int16.tif",
                "cog_overviews_uint16.tif", "tiled_internal_overviews_float32.tif", "internal_mask_uint8.tif",
                "cog_with_mask_uint8.tif", "utm30n_10m_uint16.tif", "geographic_4326_int16.tif",
                "rotated_modeltransformation_uint8.tif", "pixel_is_point_uint16.tif", "nodata_nan_float32.tif",
                "nodata_minus9999_int16.tif", "scale_offset_uint16.tif", "no_georeferencing_uint8.tif");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsEveryBandAndLevelAsGdalDoes(String name) {
        String path = Gdal.fixture(name).toString();
        GdalInfo info = Gdal.info(path);
        try (GeoTiff tiff = GeoTiff.open(path)) {
            assertEquals(info.bandCount(), tiff.bandCount(), "bands");
            assertEquals(info.overviews().size() + 1, tiff.levelCount(), "levels");
            for (int level = 0; level < tiff.levelCount(); level++) {
                int w = tiff.level(level).width();
                int h = tiff.level(level).height();
                if (level > 0) {
                    assertEquals(info.overviews().get(level - 1).width(), w, "overview width");
                    assertEquals(info.overviews().get(level - 1).height(), h, "overview height");
                } else {
                    assertEquals(info.width(), w);
                    assertEquals(info.height(), h);
                }
                for (int band = 0; band < tiff.bandCount(); band++) {
                    byte[] expected = Gdal.readWindowRaw(path, band + 1, 0, 0, w, h, level - 1);
                    int bytes = tiff.type().bytes();
                    for (Window win : windows(w, h)) {
                        Raster r = tiff.read(win, level, band);
                        byte[] actual = new byte[win.width() * win.height() * bytes];
                        r.data(0).get(actual);
                        assertArrayEquals(slice(expected, w, bytes, win), actual,
                                name + " level " + level + " band " + (band + 1) + " " + win);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportsGeoreferencingNodataAndScaleAsGdalDoes(String name) {
        String path = Gdal.fixture(name).toString();
        GdalInfo info = Gdal.info(path);
        try (GeoTiff tiff = GeoTiff.open(path)) {
            double[] gt = tiff.grid().transform().toGdal();
            double[] expected = info.geoTransform() == null ? new double[] {0, 1, 0, 0, 0, 1} : info.geoTransform();
            for (int i = 0; i < 6; i++) {
                assertEquals(expected[i], gt[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "geotransform[" + i + "]");
            }
            assertEquals(info.epsg() == null ? 0 : info.epsg(), tiff.grid().crs().epsg(), "EPSG code");
            Double nodata = info.band(1).nodata();
            if (nodata == null) {
                assertTrue(tiff.nodata().isEmpty(), "no nodata expected, found " + tiff.nodata());
            } else {
                assertEquals(nodata, tiff.nodata().getAsDouble(), 0.0, "nodata");
            }
            for (int b = 0; b < tiff.bandCount(); b++) {
                assertEquals(info.band(b + 1).scale(), tiff.scales()[b], 1e-12, "scale of band " + (b + 1));
                assertEquals(info.band(b + 1).offset(), tiff.offsets()[b], 1e-12, "offset of band " + (b + 1));
            }
            assertEquals(info.cogLayout(), tiff.isCloudOptimized(), "COG layout");
        }
    }

    /** The whole image, an interior window crossing chunk edges, the bottom-right corner, one pixel. */
    static List<Window> windows(int w, int h) {
        List<Window> out = new ArrayList<>();
        out.add(Window.full(w, h));
        if (w > 3 && h > 3) {
            out.add(Window.of(w / 3, h / 4, Math.max(1, w / 2), Math.max(1, h / 2)));
            out.add(Window.of(w - w / 5 - 1, h - h / 6 - 1, w / 5 + 1, h / 6 + 1));
            out.add(Window.of(w / 2, h / 2, 1, 1));
        }
        return out;
    }

    static byte[] slice(byte[] full, int width, int bytes, Window win) {
        byte[] out = new byte[win.width() * win.height() * bytes];
        for (int r = 0; r < win.height(); r++) {
            System.arraycopy(full, ((win.row() + r) * width + win.column()) * bytes, out, r * win.width() * bytes,
                    win.width() * bytes);
        }
        return out;
    }
}
