package org.cogcube.catalog;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.Test;

/** Both catalogues of a small cube, as written, against golden files. */
class GoldenCatalogTest {
    static final URI FOLDER = URI.create("file:///srv/cubes/ghana/");
    static final GridGeometry GRID_10M = new GridGeometry(40, 30, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    static final GridGeometry GRID_20M = new GridGeometry(20, 15, GeoTransform.northUp(600000, 800000, 20, 20),
            Crs.epsg(32630));

    /**
     * Two dates (one with its time of day), a reflectance layer with scale and offset, a cloud
     * layer at 20 m (its own grid on every asset), one asset a VRT on another server.
     */
    static Catalog smallCube() {
        RasterBand reflectance = RasterBand.of(SampleType.UINT16).withNodata(0).withScaleOffset(0.0001, -0.1);
        RasterBand cloud = RasterBand.of(SampleType.UINT8).withNodata(255);
        return new Catalog(java.util.Optional.of(GRID_10M),
                List.of(Sentinel2.layer("B04").withBand(reflectance), Layer.named("CLD").withBand(cloud)),
                List.of(
                        Acquisition.of(LocalDate.of(2018, 1, 7), List.of(
                                Asset.of("B04", FOLDER.resolve("2018-01-07/B04.tif")),
                                Asset.of("CLD", URI.create("https://data.example.org/cld/2018-01-07_CLD.vrt"))
                                        .withGrid(GRID_20M))),
                        Acquisition.at(Instant.parse("2018-01-02T10:40:21Z"), List.of(
                                Asset.of("CLD", FOLDER.resolve("2018-01-02/CLD.tif")).withGrid(GRID_20M),
                                Asset.of("B04", FOLDER.resolve("2018-01-02/B04.tif"))))));
    }

    @Test
    void writesTheStacItemCollectionOfASmallCube() {
        Golden.assertMatches("small_cube.stac.json", Catalogs.toStac(smallCube(), FOLDER));
    }

    @Test
    void writesTheSimpleCatalogueOfASmallCube() {
        Golden.assertMatches("small_cube.simple.json", Catalogs.toSimple(smallCube(), FOLDER));
    }
}
