package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.cogcube.testing.CogValidation;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info and cog take a GDAL VRT mosaic of chunks as they take a GeoTIFF. */
class VrtInputTest {

    @TempDir
    Path dir;

    Path vrt;

    @BeforeEach
    void mosaicOfTwoChunks() {
        String src = Gdal.fixture("utm30n_10m_uint16.tif").toString(); // 120 x 90
        Gdal.run("gdal_translate", "-q", "-srcwin", "0", "0", "70", "90", src, dir.resolve("west.tif").toString());
        Gdal.run("gdal_translate", "-q", "-srcwin", "70", "0", "50", "90", src, dir.resolve("east.tif").toString());
        vrt = dir.resolve("mosaic.vrt");
        Gdal.run("gdalbuildvrt", "-q", vrt.toString(), dir.resolve("west.tif").toString(),
                dir.resolve("east.tif").toString());
    }

    @Test
    void infoDescribesAVrtAsGdalDoes() throws Exception {
        CliRun run = CliRun.of("info", "--json", vrt.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode d = new ObjectMapper().readTree(run.out());
        assertEquals("VRT", d.get("format").asText());
        assertEquals(120, d.get("width").asInt());
        assertEquals(90, d.get("height").asInt());
        assertEquals("EPSG:32630", d.get("crs").asText());
        double[] gt = Gdal.info(vrt.toString()).geoTransform();
        for (int i = 0; i < 6; i++) {
            assertEquals(gt[i], d.get("geoTransform").get(i).asDouble(), 1e-9);
        }
        CliRun text = CliRun.of("info", vrt.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("GDAL VRT mosaic"), text.out());
    }

    @Test
    void cogTurnsAVrtMosaicIntoOneValidCog() {
        Path out = dir.resolve("one.tif");
        CliRun run = CliRun.of("cog", "-q", "--blocksize", "64", vrt.toString(), out.toString());
        assertEquals(0, run.exitCode(), run.err());
        CogValidation v = Gdal.validateCog(out);
        assertTrue(v.valid(), v.output());
        assertArrayEquals(Gdal.readWindowRaw(vrt.toString(), 1, 0, 0, 120, 90, -1),
                Gdal.readWindowRaw(out.toString(), 1, 0, 0, 120, 90, -1));
    }
}
