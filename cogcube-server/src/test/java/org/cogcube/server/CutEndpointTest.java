package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cogcube.client.Query;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.subset.CutAnswer;
import org.cogcube.subset.CutRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cut endpoint as a client on the wire sees it: advertised on catalogues, every parameter
 * checked (400 naming it), files refused as the static path refuses them, a pixel limit (413), and
 * answers cacheable under an ETag that changes when a file is replaced.
 */
class CutEndpointTest {
    static final GridGeometry GRID = new GridGeometry(300, 200, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));

    @TempDir
    static Path dir;
    static Path root;
    static CubeServer server;
    static CubeServer strict;

    @BeforeAll
    static void serve() throws IOException {
        root = Files.createDirectories(dir.resolve("cube"));
        writeCog(root.resolve("2018-01-02/B04.tif"), 0);
        Files.writeString(root.resolve("catalog.json"), "{\"type\": \"FeatureCollection\", \"features\": []}\n");
        Files.createDirectories(root.resolve(".hidden"));
        Files.copy(root.resolve("2018-01-02/B04.tif"), root.resolve(".hidden/B04.tif"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(root.resolve("2018-01-02/B04.tif"), outside.resolve("B04.tif"));
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        server = CubeServer.start(ServerOptions.of(root).withPort(0));
        strict = CubeServer.start(ServerOptions.of(root).withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withMaxCutPixels(100)));
    }

    @AfterAll
    static void stop() {
        server.close();
        strict.close();
    }

    static void writeCog(Path file, int seed) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[GRID.width() * GRID.height() * 2];
        for (int i = 0; i < bytes.length / 2; i++) {
            int v = (i * 7 + seed) % 4000;
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        CogWriter.write(RasterSource.of(Raster.wrap(SampleType.UINT16, GRID, OptionalDouble.of(0), bytes)), partial,
                CogOptions.defaults().withBlockSize(256));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A valid request for {@code files}: a 10 x 10 pixel box. */
    static String query(String... files) {
        return new CutRequest(List.of(files), Query.bbox(600500, 799500, 600600, 799600, GRID.crs()), false)
                .toQuery();
    }

    static RawHttp cut(CubeServer on, String query, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + CutRequest.PATH + "?" + query
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        return RawHttp.send(on.port(), request.append("\r\n").toString());
    }

    @Test
    void aCatalogueAdvertisesTheEndpointAndAnImageDoesNot() throws IOException {
        String catalogue = RawHttp.get(server.port(), "/catalog.json").head();
        assertTrue(catalogue.contains("Link: </_cogcube/cut>; rel=\"cogcube-cut\""), catalogue);
        assertFalse(RawHttp.get(server.port(), "/2018-01-02/B04.tif").head().contains("Link:"));
    }

    @Test
    void aValidRequestGetsTheWindowsSamples() throws IOException {
        RawHttp r = cut(server, query("2018-01-02/B04.tif"));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.head().contains("Content-Type: " + CutAnswer.MEDIA_TYPE), r.head());
        byte[] body = r.body().getBytes(StandardCharsets.ISO_8859_1);
        List<CutAnswer.Entry> entries = CutAnswer.decode(body, "test");
        assertEquals(1, entries.size());
        assertEquals(GRID, entries.get(0).grid());
        Raster samples = entries.get(0).samples("test");
        assertEquals(10, samples.width());
        int column = 50;
        int row = 40;
        assertEquals((row * GRID.width() + column) * 7 % 4000, samples.get(0, 0, 0), "the first pixel's value");
    }

    @Test
    void everyMalformedParameterIsA400NamingIt() throws IOException {
        String good = query("2018-01-02/B04.tif");
        String region = good.replaceAll(".*region=([^&]*).*", "$1");
        String notZlib = Base64.getUrlEncoder().withoutPadding().encodeToString("hello".getBytes());
        String notWkb = Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(new byte[] {1, 2, 3}));
        Map<String, String> cases = Map.ofEntries(
                Map.entry("", "file"),
                Map.entry("region=" + region + "&crs=32630&touched=0", "file"),
                Map.entry("file=2018-01-02/B04.tif&crs=32630&touched=0", "region"),
                Map.entry("file=2018-01-02/B04.tif&region=" + region + "&touched=0", "crs"),
                Map.entry("file=2018-01-02/B04.tif&region=" + region + "&crs=32630", "touched"),
                Map.entry(good.replace("touched=0", "touched=yes"), "touched"),
                Map.entry(good.replace("crs=32630", "crs=EPSG:32630"), "crs"),
                Map.entry(good + "&crs=4326", "crs"),
                Map.entry(good + "&colour=red", "colour"),
                Map.entry(good + "&nameonly", "nameonly"),
                Map.entry(good.replace(region, "!!!"), "region"),
                Map.entry(good.replace(region, notZlib), "region"),
                Map.entry(good.replace(region, notWkb), "region"),
                Map.entry(good.replace(region, region.substring(0, region.length() / 2)), "region"),
                Map.entry(good.replace("file=2018", "file=%zz2018"), "file"),
                Map.entry(good.replace("file=2018", "file=%2F2018"), "file"),
                Map.entry(good + "&file=2018-01-02/B04.tif", "file"),
                Map.entry(query("catalog.json"), "file"),
                Map.entry("file=x.tif&".repeat(CutRequest.MAX_FILES + 1) + good.substring(good.indexOf("region=")),
                        "file"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawHttp r = cut(server, c.getKey());
            assertEquals(400, r.status(), c.getKey() + ": " + r.body());
            assertTrue(r.body().startsWith("400 Bad Request: parameter " + c.getValue() + ":"),
                    c.getKey() + ": " + r.body());
            assertEquals(1, r.body().strip().lines().count(), "one line");
        }
    }

    @Test
    void filesAreRefusedAsTheStaticPathRefusesThem() throws IOException {
        for (String raw : List.of("missing.tif", ".hidden/B04.tif", "link-out/B04.tif", "2018-01-02/../x.tif",
                "2018-01-02/./B04.tif", "..%2Fcube/2018-01-02/B04.tif", "%252e%252e/x.tif", "2018-01-02%00/B04.tif",
                "2018-01-02//B04.tif", "2018-01-02")) {
            int direct = RawHttp.get(server.port(), "/" + raw).status();
            RawHttp r = cut(server, query(raw.replace("%", "%25")));
            assertTrue(direct == 400 || direct == 404, raw + " is refused directly: " + direct);
            assertEquals(direct, r.status(), raw + ": " + r.body());
        }
    }

    @Test
    void moreThanThePixelLimitIsA413() throws IOException {
        String twoFiles = new CutRequest(List.of("2018-01-02/B04.tif"),
                Query.bbox(600500, 799500, 600700, 799700, GRID.crs()), false).toQuery();
        RawHttp r = cut(strict, twoFiles);
        assertEquals(413, r.status(), r.body());
        assertTrue(r.body().contains("more than 100 pixels"), r.body());
        assertEquals(200, cut(strict, query("2018-01-02/B04.tif")).status(), "100 pixels are allowed");
    }

    @Test
    void answersAreRevalidatedByAnEtagThatFollowsTheFiles() throws IOException {
        writeCog(root.resolve("2018-01-02/B08.tif"), 1);
        String q = query("2018-01-02/B08.tif");
        RawHttp first = cut(server, q);
        String etag = header(first, "ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertTrue(first.head().contains("Cache-Control: public, no-cache"), first.head());
        assertEquals(etag, header(cut(server, q), "ETag"), "the same request and files, the same tag");

        RawHttp revalidated = cut(server, q, "If-None-Match: " + etag);
        assertEquals(304, revalidated.status());
        assertEquals("", revalidated.body());
        assertEquals(200, cut(server, q, "If-None-Match: \"other\"").status());

        writeCog(root.resolve("2018-01-02/B08.tif"), 2);
        RawHttp replaced = cut(server, q, "If-None-Match: " + etag);
        assertEquals(200, replaced.status(), "a replaced file is a new answer");
        assertNotEquals(etag, header(replaced, "ETag"));
        assertNotEquals(first.body(), replaced.body());
    }

    static String header(RawHttp r, String name) {
        return r.head().lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    static byte[] deflate(byte[] data) {
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(data);
        d.finish();
        byte[] out = new byte[256];
        int n = d.deflate(out);
        d.end();
        return java.util.Arrays.copyOf(out, n);
    }
}
