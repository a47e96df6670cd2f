package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.cogcube.MalformedCatalogException;
import org.cogcube.SourceException;
import org.cogcube.cog.GeoTiff;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cube served by a real nginx reads like the local folder: hrefs resolve against the
 * catalogue's URL, and the files they name give our pixels.
 */
class CatalogsOverHttpTest {
    @TempDir
    static Path root;

    static NginxServer nginx;
    static Catalog local;

    @BeforeAll
    static void serve() throws Exception {
        Path cube = Files.createDirectories(root.resolve("cubes/ghana"));
        local = TestCube.write(cube);
        Catalogs.write(local, cube);
        Files.writeString(cube.resolve("broken.json"), "{\"type\": \"FeatureCollection\", \"features\": [}");
        nginx = NginxServer.start(root, NginxServer.Mode.HTTP_1_1);
    }

    @AfterAll
    static void stop() {
        nginx.close();
    }

    @Test
    void stacHrefsResolveAgainstTheCataloguesUrl() {
        Catalog remote = Catalogs.open(nginx.uri("cubes/ghana/catalog.json").toString());
        assertEquals(local.dates(), remote.dates());
        assertEquals(local.layers(), remote.layers());
        assertEquals(local.grid(), remote.grid());
        Asset b04 = remote.acquisitions().get(1).asset("B04").orElseThrow();
        assertEquals(nginx.uri("cubes/ghana/2018-01-07/B04.tif"), b04.href());
        try (GeoTiff tiff = GeoTiff.open(b04.href().toString())) {
            Raster r = tiff.read(Window.of(0, 0, TestCube.GRID_10M.width(), TestCube.GRID_10M.height()));
            assertArrayEquals(TestCube.values(TestCube.raster("B04", 1)), TestCube.values(r));
        }
    }

    @Test
    void theSimpleCatalogueReadsTheSameFilesOverHttp() {
        Catalog stac = Catalogs.open(nginx.uri("cubes/ghana/catalog.json").toString());
        Catalog simple = Catalogs.open(nginx.uri("cubes/ghana/catalog-simple.json").toString(),
                ReadOptions.defaults().withLayerNames(TestCube.LAYERS));
        for (int d = 0; d < TestCube.DATES.size(); d++) {
            assertEquals(stac.acquisitions().get(d).assets().stream().map(Asset::href).toList(),
                    simple.acquisitions().get(d).assets().stream().map(Asset::href).toList());
        }
    }

    @Test
    void aMissingCatalogueNamesTheUrlAndStatus() {
        SourceException e = assertThrows(SourceException.class,
                () -> Catalogs.open(nginx.uri("cubes/ghana/nothing.json").toString()));
        assertEquals(OptionalInt.of(404), e.status());
        assertTrue(e.getMessage().contains(nginx.uri("cubes/ghana/nothing.json").toString()), e.getMessage());
    }

    @Test
    void aMalformedRemoteCatalogueNamesItsUrl() {
        String url = nginx.uri("cubes/ghana/broken.json").toString();
        MalformedCatalogException e = assertThrows(MalformedCatalogException.class, () -> Catalogs.open(url));
        assertEquals(url, e.location());
        assertTrue(e.getMessage().startsWith(url + ": malformed JSON at line 1, column 44"), e.getMessage());
    }
}
