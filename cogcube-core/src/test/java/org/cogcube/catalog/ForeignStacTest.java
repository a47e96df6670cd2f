package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.Test;

/** STAC written by others reads too: what cogcube cannot use is left out with a warning, not refused. */
class ForeignStacTest {
    static final String WHERE = "https://stac.example.org/search/items.json";

    static Catalog read(String json, List<String> warnings) {
        return Catalogs.read(json.getBytes(StandardCharsets.UTF_8), WHERE,
                ReadOptions.defaults().withWarnings(warnings::add));
    }

    @Test
    void aSingleItemWithItsProjectionOnTheItemAndNonDataAssets() {
        String item = """
                {"type": "Feature", "stac_version": "1.0.0", "id": "S2B_30NVL_20180107_0_L2A",
                 "properties": {"datetime": "2018-01-07t10:41:09.024z", "proj:epsg": 32630,
                                "proj:shape": [10980, 10980], "proj:transform": [10, 0, 600000, 0, -10, 800020, 0, 0, 1]},
                 "assets": {
                   "thumbnail": {"href": "thumb.jpg", "roles": ["thumbnail"]},
                   "red": {"href": "B04.tif", "type": "image/tiff; application=geotiff",
                           "roles": ["data"], "raster:bands": [{"data_type": "uint16", "nodata": 0, "scale": 0.0001}]},
                   "visual": {"href": "TCI.tif", "raster:bands": [{"data_type": "uint8"}, {"data_type": "uint8"},
                              {"data_type": "uint8"}]},
                   "aot": {"href": "s3://bucket/AOT.tif", "proj:shape": [5490, 5490],
                           "proj:transform": [20, 0, 600000, 0, -20, 800020], "raster:bands": [{"data_type": "cint16"}]}
                 }}
                """;
        List<String> warnings = new ArrayList<>();
        Catalog c = read(item, warnings);
        assertEquals(List.of("red", "visual", "aot"), c.layerNames());
        Acquisition a = c.acquisitions().get(0);
        assertEquals(LocalDate.of(2018, 1, 7), a.date());
        assertEquals(Optional.of(Instant.parse("2018-01-07T10:41:09.024Z")), a.time());
        GridGeometry g10 = new GridGeometry(10980, 10980, GeoTransform.northUp(600000, 800020, 10, 10), Crs.epsg(32630));
        assertEquals(Optional.of(g10), c.gridOf(a.asset("red").orElseThrow()));
        assertEquals(URI.create("https://stac.example.org/search/B04.tif"), a.asset("red").orElseThrow().href());
        assertEquals(URI.create("s3://bucket/AOT.tif"), a.asset("aot").orElseThrow().href());
        assertEquals(Optional.of(RasterBand.of(SampleType.UINT16).withNodata(0).withScaleOffset(0.0001, 0)),
                c.bandOf(a.asset("red").orElseThrow()));
        assertEquals(Optional.empty(), c.bandOf(a.asset("visual").orElseThrow()));
        assertEquals(List.of(
                WHERE + ": item 'S2B_30NVL_20180107_0_L2A', asset 'visual': 3 raster bands; a layer has one, so the"
                        + " band metadata is left out",
                WHERE + ": item 'S2B_30NVL_20180107_0_L2A', asset 'aot': data_type the string \"cint16\" is not one"
                        + " cogcube reads (uint8, int8, uint16, int16, uint32, int32, float32, float64)"), warnings);
    }

    @Test
    void layersKeepTheItemsOrderWhenItemsMissSomeLayers() {
        String stac = MalformedCatalogTest.stac(
                MalformedCatalogTest.item("a", "\"2018-01-02T10:00:00Z\"", MalformedCatalogTest.asset("B02", "a2.tif")
                        + ", " + MalformedCatalogTest.asset("B08", "a8.tif"))
                + ", " + MalformedCatalogTest.item("b", "\"2018-01-07T10:00:00Z\"",
                        MalformedCatalogTest.asset("B01", "b1.tif") + ", " + MalformedCatalogTest.asset("B02", "b2.tif")
                        + ", " + MalformedCatalogTest.asset("B04", "b4.tif") + ", "
                        + MalformedCatalogTest.asset("B08", "b8.tif")));
        assertEquals(List.of("B01", "B02", "B04", "B08"), read(stac, new ArrayList<>()).layerNames());
    }

    @Test
    void itemsOfOneDateMergeIntoOneAcquisitionAtTheEarliestTime() {
        String stac = MalformedCatalogTest.stac(
                MalformedCatalogTest.item("tile1", "\"2018-01-02T10:50:00Z\"", MalformedCatalogTest.asset("B04", "x.tif"))
                + ", " + MalformedCatalogTest.item("tile2", "\"2018-01-02T10:40:00Z\"",
                        MalformedCatalogTest.asset("CLD", "y.tif")));
        Catalog c = read(stac, new ArrayList<>());
        assertEquals(1, c.acquisitions().size());
        assertEquals(Optional.of(Instant.parse("2018-01-02T10:40:00Z")), c.acquisitions().get(0).time());
        assertEquals(List.of("B04", "CLD"), c.acquisitions().get(0).assets().stream().map(Asset::layer).toList());
    }
}
