package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cogcube.geo.GridGeometry;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GDAL opens the STAC catalogue cogcube writes for a real cube (three dates, two layers of COGs)
 * with its STACIT driver, as it is, and reads the pixels cogcube wrote; the items' WGS84 footprints
 * agree with GDAL's.
 */
class StacitGdalTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path cube;

    static Catalog catalog;

    @BeforeAll
    static void writeCube() {
        catalog = TestCube.write(cube);
        Catalogs.write(catalog, cube);
    }

    static JsonNode stacit(String asset, int maxItems) throws Exception {
        return JSON.readTree(Gdal.output(Gdal.PYTHON, "-c", GdalStacScripts.READ_STACIT, cube.toString(), asset,
                Integer.toString(maxItems)));
    }

    @Test
    void gdalListsOneSubdatasetPerLayer() {
        assertEquals("STACIT:\"catalog.json\":asset=B04\nSTACIT:\"catalog.json\":asset=B11\n",
                Gdal.output(Gdal.PYTHON, "-c", GdalStacScripts.SUBDATASETS, cube.toString()));
    }

    /**
     * STACIT mosaics the items it reads, later datetimes on top, and drops the sources they cover:
     * reading the first n items shows exactly the n-th date's file. So each date is checked.
     */
    @ParameterizedTest
    @CsvSource({"B04, 1", "B04, 2", "B04, 3", "B11, 1", "B11, 3"})
    void gdalReadsThePixelsWeWroteForEachDate(String layer, int items) throws Exception {
        JsonNode seen = stacit(layer, items);
        String date = TestCube.DATES.get(items - 1).toString();
        assertEquals(date + "/" + layer + ".tif", seen.get("files").get(0).asText());
        assertEquals(1, seen.get("files").size());
        GridGeometry grid = TestCube.grid(layer);
        assertEquals(List.of(grid.width(), grid.height()), List.of(seen.get("size").get(0).asInt(),
                seen.get("size").get(1).asInt()));
        assertArrayEquals(grid.transform().toGdal(), doubles(seen.get("geotransform")), 0);
        assertEquals(32630, seen.get("epsg").asInt());
        assertEquals("UInt16", seen.get("type").asText());
        assertEquals(0, seen.get("nodata").asDouble());
        assertEquals(layer, seen.get("description").asText()); // from eo:bands
        assertArrayEquals(TestCube.values(TestCube.raster(layer, items - 1)), doubles(seen.get("values")));
    }

    @Test
    void theItemsFootprintsAreGdals() throws Exception {
        JsonNode stac = JSON.readTree(cube.resolve(Catalogs.STAC_FILE).toFile());
        for (JsonNode item : stac.get("features")) {
            String date = item.get("id").asText();
            JsonNode extent = JSON.readTree(Gdal.output("gdalinfo", "-json",
                    cube.resolve(date).resolve("B04.tif").toString())).get("wgs84Extent").get("coordinates").get(0);
            JsonNode ring = item.get("geometry").get("coordinates").get(0);
            assertEquals(5, ring.size());
            for (int i = 0; i < 5; i++) { // both go top-left, bottom-left, bottom-right, top-right, top-left
                assertArrayEquals(doubles(extent.get(i)), doubles(ring.get(i)), 1e-6, date + " point " + i);
            }
        }
    }

    @Test
    void theCatalogueReadsBackAsWritten() {
        assertEquals(catalog, Catalogs.open(cube.resolve(Catalogs.STAC_FILE).toString()));
        assertEquals(Catalog.of(TestCube.LAYERS.stream().map(Layer::named).toList(),
                catalog.acquisitions().stream().map(a -> new Acquisition(a.date(), java.util.Optional.empty(),
                        a.assets().stream().map(s -> Asset.of(s.layer(), s.href())).toList())).toList()),
                Catalogs.open(cube.resolve(Catalogs.SIMPLE_FILE).toString(),
                        ReadOptions.defaults().withLayerNames(TestCube.LAYERS)));
    }

    static double[] doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
