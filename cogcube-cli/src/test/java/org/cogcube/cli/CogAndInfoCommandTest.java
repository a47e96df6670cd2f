package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cogcube.testing.CogValidation;
import org.cogcube.testing.Gdal;
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CogAndInfoCommandTest {

    @TempDir
    Path dir;

    @Test
    void cogTurnsAStripedGeoTiffIntoAValidCogThatGdalReadsEqual() {
        String in = Gdal.fixture("lzw_uint8_striped.tif").toString();
        Path out = dir.resolve("cog.tif");
        CliRun run = CliRun.of("cog", in, out.toString(), "--compress", "zstd", "--blocksize", "32");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote"), run.out());
        CogValidation v = Gdal.validateCog(out);
        assertTrue(v.valid(), v.output());
        GdalInfo info = Gdal.info(out.toString());
        assertEquals("ZSTD", info.compression());
        assertEquals(32, info.band(1).blockWidth());
        assertEquals(Gdal.info(in).epsg(), info.epsg());
        assertArrayEquals(Gdal.readWindowRaw(in, 1, 0, 0, 101, 77, -1), Gdal.readWindowRaw(out.toString(), 1, 0, 0,
                101, 77, -1));
    }

    @Test
    void cogKeepsNodataAndCanOverrideIt() {
        String in = Gdal.fixture("nodata_minus9999_int16.tif").toString();
        Path kept = dir.resolve("kept.tif");
        assertEquals(0, CliRun.of("cog", "-q", in, kept.toString()).exitCode());
        assertEquals(-9999.0, Gdal.info(kept.toString()).band(1).nodata());
        Path changed = dir.resolve("changed.tif");
        assertEquals(0, CliRun.of("cog", "-q", "--nodata", "0", in, changed.toString()).exitCode());
        assertEquals(0.0, Gdal.info(changed.toString()).band(1).nodata());
    }

    @Test
    void quietPrintsNothing() {
        CliRun run = CliRun.of("cog", "--quiet", Gdal.fixture("none_uint8.tif").toString(),
                dir.resolve("q.tif").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatIsExpected() {
        CliRun run = CliRun.of("cog", "--compress", "jpeg", "a.tif", dir.resolve("b.tif").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("deflate, lzw, zstd or none"), run.err());
        assertTrue(run.err().contains("cogcube cog --help"), run.err());
        assertEquals(2, CliRun.of("cog", "--blocksize", "100", "a.tif", "b.tif").exitCode());
    }

    @Test
    void aMissingInputFailsWithExitOneAndNamesIt() {
        CliRun run = CliRun.of("cog", dir.resolve("absent.tif").toString(), dir.resolve("b.tif").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("absent.tif"), run.err());
        assertFalse(Files.exists(dir.resolve("b.tif")));
    }

    @Test
    void infoDescribesTheFileAsGdalDoes() throws Exception {
        String path = Gdal.fixture("cog_overviews_uint16.tif").toString();
        CliRun text = CliRun.of("info", path);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("EPSG:32630"), text.out());
        assertTrue(text.out().contains("COG"), text.out());
        assertTrue(text.out().contains("150x100, 75x50, 37x25"), text.out());

        CliRun json = CliRun.of("info", "--json", path);
        assertEquals(0, json.exitCode(), json.err());
        JsonNode d = new ObjectMapper().readTree(json.out());
        GdalInfo gdal = Gdal.info(path);
        assertEquals(gdal.width(), d.get("width").asInt());
        assertEquals(gdal.height(), d.get("height").asInt());
        assertEquals(gdal.band(1).dataType(), d.get("dataType").asText());
        assertEquals("EPSG:" + gdal.epsg(), d.get("crs").asText());
        for (int i = 0; i < 6; i++) {
            assertEquals(gdal.geoTransform()[i], d.get("geoTransform").get(i).asDouble(), 1e-9);
        }
        assertEquals(gdal.overviews().size(), d.get("overviews").size());
        assertEquals(gdal.cogLayout(), d.get("cloudOptimized").asBoolean());
        assertEquals(gdal.compression(), d.get("compression").asText());
    }

    @Test
    void infoOnANonTiffSaysSo() {
        CliRun run = CliRun.of("info", Gdal.fixture("not_a_tiff.tif").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("not a TIFF"), run.err());
    }
}
