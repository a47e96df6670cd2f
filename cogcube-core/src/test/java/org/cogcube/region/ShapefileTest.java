package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cogcube.region.ShapefileGdalTest.fixture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cogcube.CogcubeException;
import org.cogcube.InvalidRegionException;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a shapefile region holds beyond its geometry, and the files that are refused, with why. */
class ShapefileTest {

    @TempDir
    Path dir;

    @Test
    void readsIdsPropertiesAndTheCrsOfThePrj() {
        Region region = Regions.readShapefile(fixture("fields.shp"));
        assertEquals(Crs.epsg(32630), region.crs());
        assertEquals(List.of(Optional.of("0"), Optional.of("1"), Optional.of("3")),
                region.features().stream().map(Feature::id).toList(), "record 2 is a Null shape");
        Map<String, Object> first = region.features().get(0).properties();
        assertEquals(List.of("name", "crop", "plot", "owner_id", "area_ha", "sown"), List.copyOf(first.keySet()));
        assertEquals("Kɔkɔbɛn", first.get("name"), "UTF-8, as the .cpg says");
        assertEquals(1L, first.get("plot"));
        assertEquals(12345678901L, first.get("owner_id"));
        assertEquals(3.25, first.get("area_ha"));
        assertEquals("2018-03-14", first.get("sown"));
        assertEquals(null, region.features().get(2).properties().get("name"), "an empty text is null");
        assertEquals(-1.125, region.features().get(2).properties().get("area_ha"));
    }

    @Test
    void aZipReadsAsTheFilesItHolds() {
        Region zipped = Regions.readShapefile(fixture("fields.zip"));
        Region plain = Regions.readShapefile(fixture("fields.shp"));
        assertEquals(plain.crs(), zipped.crs());
        assertEquals(plain.features().size(), zipped.features().size());
        for (int i = 0; i < plain.features().size(); i++) {
            assertEquals(plain.features().get(i).properties(), zipped.features().get(i).properties());
            assertTrue(plain.features().get(i).geometry().equalsExact(zipped.features().get(i).geometry()));
        }
    }

    @Test
    void withoutAPrjTheCallersCrsAppliesAndTheLanguageDriverByteGivesTheText() {
        Region region = Regions.readShapefile(fixture("rings.shp"), Crs.epsg(32630));
        assertEquals(Crs.epsg(32630), region.crs());
        assertEquals("Ténéré", region.features().get(1).properties().get("place"), "LDID 0x57 is ISO-8859-1");
        assertEquals(Boolean.TRUE, region.features().get(0).properties().get("checked"));
        assertEquals(null, region.features().get(3).properties().get("checked"), "'?' is null");
        assertEquals(Crs.epsg(4326), Regions.readShapefile(fixture("rings.shp")).crs(), "by default WGS 84");
    }

    @Test
    void aShapefileOfLinesIsNoRegion() {
        assertEquals(fixture("lines.shp") + ": a shapefile of PolyLine shapes cannot be a region, expected Polygon,"
                + " PolygonZ or PolygonM", assertThrows(UnsupportedFeatureException.class,
                        () -> Regions.readShapefile(fixture("lines.shp"))).getMessage());
    }

    @Test
    void aHoleOutsideTheOnlyShellIsAnInvalidPolygonAsInGdal() {
        String message = assertThrows(InvalidRegionException.class,
                () -> Regions.readShapefile(fixture("hole_outside.shp"))).getMessage();
        assertTrue(message.startsWith(fixture("hole_outside.shp") + ", record 1: invalid polygon: Hole lies outside"
                + " shell"), message);
    }

    @Test
    void anUnknownPrjSaysToUseRoiCrs() throws IOException {
        Path shp = copy("fields", "odd");
        Files.writeString(dir.resolve("odd.prj"), "PROJCS[\"Somewhere_Grid\",GEOGCS[\"GCS_Somewhere\"],"
                + "PROJECTION[\"Transverse_Mercator\"]]");
        String message = assertThrows(UnsupportedFeatureException.class, () -> Regions.readShapefile(shp))
                .getMessage();
        assertTrue(message.startsWith(dir.resolve("odd.prj") + ": the CRS PROJCS[\"Somewhere_Grid\"] has no EPSG"
                + " authority"), message);
        assertTrue(message.endsWith("remove the .prj and give the CRS with --roi-crs EPSG:code"), message);
    }

    @Test
    void aZipOfTwoShapefilesIsRefused() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("a.shp", "b/c.SHP")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(fixture("wgs84.shp")));
            }
        }
        assertEquals(zip + ": 2 .shp files (a.shp, b/c.SHP), expected exactly one",
                assertThrows(InvalidRegionException.class, () -> Regions.readShapefile(zip)).getMessage());
    }

    @Test
    void aZipWithoutShapefileOrInflatingPastTheLimitIsRefused() throws IOException {
        Path none = dir.resolve("none.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(none))) {
            out.putNextEntry(new ZipEntry("fields.geojson"));
            out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(none + ": no .shp file among its 1 files, expected exactly one",
                assertThrows(InvalidRegionException.class, () -> Regions.readShapefile(none)).getMessage());
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("big.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= ShapefileParts.MAX_BYTES >> 20; i++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(bomb) < 1 << 20, "a small zip");
        assertEquals(bomb + "!big.shp: more than 67108864 bytes, expected a region's shapefile of at most 64 MiB",
                assertThrows(InvalidRegionException.class, () -> Regions.readShapefile(bomb)).getMessage());
    }

    @Test
    void aMultiPatchOrAllNullShapefileIsRefused() throws IOException {
        byte[] shp = Files.readAllBytes(fixture("wgs84.shp"));
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 31);
        Path patch = write("patch.shp", shp);
        assertEquals(patch + ": a shapefile of MultiPatch shapes cannot be a region, expected Polygon, PolygonZ or"
                + " PolygonM", assertThrows(UnsupportedFeatureException.class, () -> Regions.readShapefile(patch))
                .getMessage());
        shp = Files.readAllBytes(fixture("wgs84.shp"));
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(108, 0);
        Path empty = write("empty.shp", shp);
        assertEquals(empty + ": no polygon in its 1 records, expected at least one",
                assertThrows(InvalidRegionException.class, () -> Regions.readShapefile(empty)).getMessage());
    }

    @Test
    void codePagesAreReadAsEsriAndGdalWriteThem() {
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, CodePages.ofCpg("UTF-8\n", "a.cpg"));
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, CodePages.ofCpg("65001", "a.cpg"));
        assertEquals(java.nio.charset.Charset.forName("windows-1252"), CodePages.ofCpg("1252", "a.cpg"));
        assertEquals(java.nio.charset.Charset.forName("windows-1252"), CodePages.ofCpg("ANSI 1252", "a.cpg"));
        assertEquals(java.nio.charset.StandardCharsets.ISO_8859_1, CodePages.ofCpg("88591", "a.cpg"));
        assertEquals(java.nio.charset.Charset.forName("ISO-8859-15"), CodePages.ofCpg("885915", "a.cpg"));
        assertEquals(java.nio.charset.Charset.forName("IBM437"), CodePages.ofCpg("OEM 437", "a.cpg"));
        assertEquals("a.cpg: code page 'Klingon' is unknown, expected one Java knows, such as UTF-8, 1252 or"
                + " ISO-8859-1", assertThrows(UnsupportedFeatureException.class,
                        () -> CodePages.ofCpg("Klingon", "a.cpg")).getMessage());
    }

    @Test
    void aTruncatedShpSaysHowLongItShouldBe() throws IOException {
        byte[] shp = Files.readAllBytes(fixture("fields.shp"));
        Path cut = write("cut.shp", java.util.Arrays.copyOf(shp, shp.length - 10));
        assertEquals(cut + ": the header says " + shp.length + " bytes, the file has " + (shp.length - 10)
                + " (truncated?)", assertThrows(MalformedFileException.class, () -> Regions.readShapefile(cut))
                .getMessage());
    }

    @Test
    void aRecordClaimingMorePointsThanItHoldsIsRefusedBeforeAnyAllocation() throws IOException {
        byte[] shp = Files.readAllBytes(fixture("fields.shp"));
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 40, Integer.MAX_VALUE);
        Path bad = write("bad.shp", shp);
        String message = assertThrows(MalformedFileException.class, () -> Regions.readShapefile(bad)).getMessage();
        assertTrue(message.startsWith(bad + ", record 1 (at byte 100): expected part and point counts that fit its "),
                message);
        assertTrue(message.endsWith("found 3 parts and 2147483647 points (34359738408 bytes)"), message);
    }

    @Test
    void aRecordLongerThanTheFileIsRefused() throws IOException {
        byte[] shp = Files.readAllBytes(fixture("fields.shp"));
        ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN).putInt(100 + 4, 1 << 30);
        Path bad = write("long.shp", shp);
        assertEquals(bad + ", record 1 (at byte 100): expected a content length between 4 and the " + (shp.length - 108)
                + " bytes left, found 2147483648 bytes",
                assertThrows(MalformedFileException.class, () -> Regions.readShapefile(bad)).getMessage());
    }

    @Test
    void partsOutOfOrderAreRefused() throws IOException {
        byte[] shp = Files.readAllBytes(fixture("fields.shp"));
        ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 44 + 4, 100);
        Path bad = write("parts.shp", shp);
        assertEquals(bad + ", record 1 (at byte 100): expected part starts rising from 0 to at most its"
                + " 14 points, found part 1 starting at point 100",
                assertThrows(MalformedFileException.class, () -> Regions.readShapefile(bad)).getMessage());
    }

    @Test
    void aDbfWithFewerRowsThanTheFileClaimsIsRefused() throws IOException {
        Path shp = copy("fields", "rows");
        byte[] dbf = Files.readAllBytes(dir.resolve("rows.dbf"));
        ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1000);
        Files.write(dir.resolve("rows.dbf"), dbf);
        String message = assertThrows(MalformedFileException.class, () -> Regions.readShapefile(shp)).getMessage();
        assertTrue(message.startsWith(dir.resolve("rows.dbf") + ": the header says 1000 records of "), message);
        assertTrue(message.endsWith("(truncated?)"), message);
    }

    @Test
    void aDbfOfAnotherRecordCountThanTheShpIsRefused() throws IOException {
        Path shp = copy("fields", "count");
        byte[] dbf = Files.readAllBytes(dir.resolve("count.dbf"));
        ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 3);
        Files.write(dir.resolve("count.dbf"), dbf);
        assertEquals(shp + ": 4 records, but its .dbf has 3, expected one row per record",
                assertThrows(MalformedFileException.class, () -> Regions.readShapefile(shp)).getMessage());
    }

    /** Every byte of a .shp, .dbf and .prj changed in turn, or cut short: the file reads or is refused. */
    @Test
    void noCorruptedByteEscapesAsAnythingButACogcubeException() throws IOException {
        List<String> extensions = List.of("shp", "dbf", "prj");
        byte[][] files = new byte[3][];
        for (int part = 0; part < files.length; part++) {
            files[part] = Files.readAllBytes(fixture("fields." + extensions.get(part)));
        }
        for (int part = 0; part < extensions.size(); part++) {
            byte[] good = files[part];
            for (int i = 0; i < good.length; i++) {
                for (int value : new int[] {0x00, 0xFF, 0x7F}) {
                    byte[] bad = good.clone();
                    bad[i] = (byte) value;
                    readOrRefuse(files, part, bad, extensions.get(part) + " with byte " + i + " set to " + value);
                }
            }
            for (int length = 0; length < good.length; length++) {
                readOrRefuse(files, part, java.util.Arrays.copyOf(good, length), extensions.get(part) + " cut to " + length);
            }
        }
    }

    private static void readOrRefuse(byte[][] good, int part, byte[] bad, String what) {
        byte[][] files = good.clone();
        files[part] = bad;
        try {
            Shapefiles.region(new ShapefileParts("fuzz.shp", files[0], files[1],
                    new String(files[2], java.nio.charset.StandardCharsets.UTF_8), "UTF-8"), Crs.epsg(4326));
        } catch (CogcubeException e) {
            assertTrue(e.getMessage().startsWith("fuzz."), "names the file: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError("fields." + what + ": " + e, e);
        }
    }

    private Path copy(String from, String to) throws IOException {
        for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            Files.copy(fixture(from + "." + extension), dir.resolve(to + "." + extension),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir.resolve(to + ".shp");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }
}
