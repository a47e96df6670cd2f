package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.cogcube.CogcubeException;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.Window;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile files give a clear error naming the file (and the tag), never a hang, an OOM or wrong pixels. */
class HostileFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"truncated.tif", "cyclic_ifd.tif", "offset_past_end.tif", "bytecount_past_end.tif",
        "absurd_dimensions.tif", "not_a_tiff.tif", "ifd_offset_past_end.tif", "tag_count_huge.tif"})
    void malformedFilesAreRefusedWithTheFileNamed(String name) {
        String path = Gdal.fixture(name).toString();
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> openAndReadAll(path));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void unknownCompressionIsUnsupportedAndNamesTheCode() {
        String path = Gdal.fixture("unknown_compression.tif").toString();
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> openAndReadAll(path));
        assertTrue(e.getMessage().contains("12345") && e.getMessage().contains("unknown_compression.tif"),
                e.getMessage());
    }

    @Test
    void userDefinedCrsIsUnsupportedAndNamesTheKeys() {
        String path = Gdal.fixture("user_defined_lcc_float32.tif").toString();
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> openAndReadAll(path));
        assertTrue(e.getMessage().contains("GTModelTypeGeoKey") && e.getMessage().contains("user-defined"),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anUncompressedStripShorterThanItsRowsIsRefusedNamingTheStrip(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        // A striped, uncompressed little-endian file (its strips are copied straight into windows), with the
        // byte count of its first strip halved in place: reading it must fail, naming file and strip.
        java.nio.file.Path file = dir.resolve("short_strip.tif");
        Gdal.run("gdal_translate", "-q", "-co", "COMPRESS=NONE", "-co", "TILED=NO", "-co", "BLOCKYSIZE=16",
                Gdal.fixture("utm30n_10m_uint16.tif").toString(), file.toString());
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        int entries = b.getShort(ifd) & 0xFFFF;
        boolean patched = false;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((b.getShort(entry) & 0xFFFF) != 279) {
                continue;
            }
            int type = b.getShort(entry + 2);
            int count = b.getInt(entry + 4);
            int at = count * (type == 3 ? 2 : 4) <= 4 ? entry + 8 : b.getInt(entry + 8);
            if (type == 3) {
                b.putShort(at, (short) ((b.getShort(at) & 0xFFFF) / 2));
            } else {
                b.putInt(at, b.getInt(at) / 2);
            }
            patched = true;
        }
        assertTrue(patched, "StripByteCounts found");
        java.nio.file.Files.write(file, bytes);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> openAndReadAll(file.toString()));
        assertTrue(e.getMessage().contains("short_strip.tif") && e.getMessage().contains("strip 0")
                && e.getMessage().contains("too short"), e.getMessage());
    }

    private static void openAndReadAll(String path) {
        // A guard against hangs, not a speed test: a hostile file must fail, not loop.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (GeoTiff t = GeoTiff.open(path)) {
                for (int level = 0; level < t.levelCount(); level++) {
                    t.read(Window.full(t.level(level).width(), t.level(level).height()), level);
                }
            }
        }, "reading " + path);
    }

    @Test
    void errorsAreCogcubeExceptions() {
        assertThrows(CogcubeException.class, () -> GeoTiff.open(Gdal.fixture("not_a_tiff.tif").toString()));
    }
}
