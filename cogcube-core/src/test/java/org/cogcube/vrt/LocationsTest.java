package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cogcube.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

/** Source names resolve against the VRT's own location, local or remote, as GDAL resolves them. */
class LocationsTest {

    @Test
    void resolvesRelativeNamesAgainstTheFolderOfALocalVrt() {
        assertEquals(Path.of("/data/cube/2024/B04/chunk_0.tif").toString(),
                Locations.resolve("/data/cube/2024/B04.vrt", "B04/chunk_0.tif", true));
        assertEquals(Path.of("/data/cube/chunk.tif").toString(),
                Locations.resolve("/data/cube/2024/B04.vrt", "../chunk.tif", true));
    }

    @Test
    void resolvesRelativeNamesAgainstTheFolderOfARemoteVrt() {
        assertEquals("https://example.org/cube/2024/B04/chunk%200.tif",
                Locations.resolve("https://example.org/cube/2024/B04.vrt", "B04/chunk 0.tif", true));
        assertEquals("https://example.org/cube/chunk.tif",
                Locations.resolve("https://example.org/cube/2024/B04.vrt", "../chunk.tif", true));
    }

    @Test
    void takesUrlsAndVsicurlUrlsAsTheyAre() {
        assertEquals("https://other.org/a.tif", Locations.resolve("/data/x.vrt", "https://other.org/a.tif", false));
        assertEquals("https://other.org/a.tif",
                Locations.resolve("https://example.org/x.vrt", "/vsicurl/https://other.org/a.tif", true));
    }

    @Test
    void takesAbsolutePathsAsTheyAreWhateverRelativeToVrtSays() {
        assertEquals(Path.of("/elsewhere/a.tif").toString(), Locations.resolve("/data/x.vrt", "/elsewhere/a.tif", true));
        assertEquals(Path.of("/elsewhere/a.tif").toString(), Locations.resolve("/data/x.vrt", "/elsewhere/a.tif", false));
    }

    @Test
    void refusesALocalFileNamedByARemoteVrt() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Locations.resolve("https://example.org/x.vrt", "/etc/passwd", false));
        assertTrue(e.getMessage().contains("https://example.org/x.vrt") && e.getMessage().contains("/etc/passwd"),
                e.getMessage());
    }
}
