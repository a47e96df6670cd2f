package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cubes whose files are GDAL VRTs (made with gdalbuildvrt over COGs), as the cube this project was
 * designed after publishes them: the simple catalogue of VRT URLs reads, and a STAC catalogue of
 * VRT assets opens in GDAL's STACIT driver thanks to their media type.
 */
class VrtCatalogueTest {
    @TempDir
    static Path cube;

    @BeforeAll
    static void buildVrts() {
        TestCube.write(cube);
        for (java.time.LocalDate date : TestCube.DATES) {
            for (String layer : TestCube.LAYERS) {
                Path folder = cube.resolve(date.toString());
                Gdal.run("gdalbuildvrt", "-q", folder.resolve(layer + ".vrt").toString(),
                        folder.resolve(layer + ".tif").toString());
            }
        }
    }

    /** A simple catalogue as existing cubes write it: relative VRT URLs, one absolute. */
    static String simpleCatalogueOfVrts() {
        StringBuilder json = new StringBuilder("{");
        for (int d = 0; d < TestCube.DATES.size(); d++) {
            String date = TestCube.DATES.get(d).toString();
            String b11 = d == 2 ? cube.resolve(date).resolve("B11.vrt").toUri().toString() : date + "/B11.vrt";
            json.append(d == 0 ? "" : ",\n").append("\"").append(date).append("\": [\"").append(date)
                    .append("/B04.vrt\", \"").append(b11).append("\"]");
        }
        return json.append("}\n").toString();
    }

    @Test
    void readsASimpleCatalogueOfVrtUrls() throws Exception {
        Path file = cube.resolve("vrts.json");
        Files.writeString(file, simpleCatalogueOfVrts());
        Catalog catalog = Catalogs.open(file.toString(), ReadOptions.defaults().withLayerNames(TestCube.LAYERS));
        assertEquals(TestCube.DATES, catalog.dates());
        assertEquals(TestCube.LAYERS, catalog.layerNames());
        for (int d = 0; d < TestCube.DATES.size(); d++) {
            for (String layer : TestCube.LAYERS) {
                Asset asset = catalog.acquisitions().get(d).asset(layer).orElseThrow();
                assertEquals(cube.resolve(TestCube.DATES.get(d).toString()).resolve(layer + ".vrt").toUri(), asset.href());
                assertEquals(MediaTypes.VRT, asset.mediaType());
                // the URL leads to the VRT, and the VRT to our pixels
                assertArrayEquals(TestCube.values(TestCube.raster(layer, d)), Gdal.readWindow(Path.of(asset.href())
                        .toString(), 1, 0, 0, TestCube.grid(layer).width(), TestCube.grid(layer).height(), -1));
            }
        }
    }

    /** The VRT cube's catalogue with each asset's grid, as STACIT needs. */
    static Catalog vrtCatalogue(Path folder) {
        List<Acquisition> acquisitions = new ArrayList<>();
        for (java.time.LocalDate date : TestCube.DATES) {
            List<Asset> assets = new ArrayList<>();
            for (String layer : TestCube.LAYERS) {
                assets.add(Asset.of(layer, folder.resolve(date.toString()).resolve(layer + ".vrt").toUri())
                        .withGrid(TestCube.grid(layer)));
            }
            acquisitions.add(Acquisition.of(date, assets));
        }
        return Catalog.of(TestCube.LAYERS.stream().map(Sentinel2::layer).toList(), acquisitions);
    }

    @Test
    void gdalStacitOpensVrtAssetsOfOurMediaType() throws Exception {
        Path folder = cube;
        Catalogs.write(vrtCatalogue(folder), folder);
        assertTrue(Files.readString(folder.resolve(Catalogs.STAC_FILE)).contains("\"type\": \"" + MediaTypes.VRT + "\""));
        JsonNode seen = StacitGdalTest.JSON.readTree(Gdal.output(Gdal.PYTHON, "-c", GdalStacScripts.READ_STACIT,
                folder.toString(), "B04", "2"));
        assertEquals("2018-01-07/B04.vrt", seen.get("files").get(0).asText());
        assertArrayEquals(TestCube.values(TestCube.raster("B04", 1)), StacitGdalTest.doubles(seen.get("values")));
    }

    /** Why {@link MediaTypes#VRT} is not plain application/xml: GDAL 3.6's STACIT skips such assets. */
    @Test
    void gdalStacitSkipsAssetsTypedPlainXml(@TempDir Path other) throws Exception {
        Path folder = other;
        for (java.time.LocalDate date : TestCube.DATES) {
            Files.createDirectories(folder.resolve(date.toString()));
            Files.copy(cube.resolve(date.toString()).resolve("B04.tif"), folder.resolve(date.toString()).resolve("B04.tif"));
            Files.copy(cube.resolve(date.toString()).resolve("B04.vrt"), folder.resolve(date.toString()).resolve("B04.vrt"));
        }
        Catalog plainXml = Catalog.of(List.of(Sentinel2.layer("B04")), TestCube.DATES.stream().map(date ->
                Acquisition.of(date, List.of(Asset.of("B04", folder.resolve(date.toString()).resolve("B04.vrt").toUri())
                        .withMediaType("application/xml").withGrid(TestCube.GRID_10M)))).toList());
        Catalogs.write(plainXml, folder);
        CommandResult result = Gdal.execute(Map.of(), Duration.ofSeconds(60), Gdal.PYTHON, "-c",
                GdalStacScripts.READ_STACIT, folder.toString(), "B04", "3");
        assertFalse(result.succeeded());
        assertTrue(result.stderr().contains("No compatible asset found"), result.stderr());
    }

    @Test
    void absoluteUrlsStayAbsolute() {
        URI remote = URI.create("https://data.example.org/ghana/2018-01-02/B04.vrt");
        Catalog catalog = Catalog.of(List.of(Layer.named("B04")), List.of(Acquisition.of(TestCube.DATES.get(0),
                List.of(Asset.of("B04", remote)))));
        String simple = Catalogs.toSimple(catalog, cube.toUri());
        assertEquals("{\n  \"2018-01-02\": [\"" + remote + "\"]\n}\n", simple);
        assertEquals(catalog, Catalogs.read(simple.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                cube.resolve("x.json").toString(), ReadOptions.defaults().withLayerNames(List.of("B04"))));
    }
}
