package org.cogcube.server;

import static org.cogcube.server.CutEndpointTest.GRID;
import static org.cogcube.server.CutEndpointTest.cut;
import static org.cogcube.server.CutEndpointTest.header;
import static org.cogcube.server.CutEndpointTest.writeCog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cogcube.client.Query;
import org.cogcube.region.Region;
import org.cogcube.subset.CatalogCutRequest;
import org.cogcube.subset.CutAnswer;
import org.cogcube.subset.CutRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cut endpoint asked by a catalogue's path: it answers the very bytes of a request naming the
 * query's files in the client's order, names the catalogue version it read (the catalogue's own
 * ETag), checks every parameter (400 naming it), refuses catalogues as the static path does, says
 * 422 for a query the catalogue cannot answer, keeps the pixel limit (413), and its ETag changes when
 * the catalogue or a file is replaced.
 */
class CatalogCutEndpointTest {
    static final Region BOX = Query.bbox(600500, 799500, 600600, 799600, GRID.crs());
    static final List<String> NAMES = List.of("B04", "B08", "CLD");

    @TempDir
    static Path dir;
    static Path root;
    static CubeServer server;
    static CubeServer strict;

    @BeforeAll
    static void serve() throws IOException {
        root = Files.createDirectories(dir.resolve("cube"));
        for (String date : List.of("2018-01-02", "2018-01-07", "2018-01-12")) {
            for (int i = 0; i < NAMES.size(); i++) {
                writeCog(root.resolve(date + "/" + NAMES.get(i) + ".tif"), i + date.hashCode());
            }
        }
        writeCatalogue("2018-01-02", "2018-01-07", "2018-01-12");
        Files.writeString(root.resolve("other.json"), "{\"2018-01-02\": [\"http://elsewhere.example/B04.tif\","
                + " \"http://elsewhere.example/B08.tif\", \"http://elsewhere.example/CLD.tif\"]}");
        Files.writeString(root.resolve("broken.json"), "{\"2018-01-02\": [");
        Files.createDirectories(root.resolve(".hidden"));
        Files.copy(root.resolve("catalog.json"), root.resolve(".hidden/catalog.json"));
        Files.createDirectories(root.resolve("folder.json"));
        server = CubeServer.start(ServerOptions.of(root).withPort(0));
        strict = CubeServer.start(ServerOptions.of(root).withPort(0)
                .withLimits(ServerOptions.Limits.defaults().withMaxCutPixels(250)));
    }

    @AfterAll
    static void stop() {
        server.close();
        strict.close();
    }

    /** A simple catalogue of these dates (relative hrefs), replacing the old one as ingest does. */
    static void writeCatalogue(String... dates) throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (String date : dates) {
            json.append(json.length() > 1 ? ", " : "").append('"').append(date).append("\": [");
            for (int i = 0; i < NAMES.size(); i++) {
                json.append(i > 0 ? ", " : "").append('"').append(date).append('/').append(NAMES.get(i))
                        .append(".tif\"");
            }
            json.append(']');
        }
        Path partial = root.resolve("catalog.json.new");
        Files.writeString(partial, json.append("}\n"));
        Files.move(partial, root.resolve("catalog.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static String query(String catalog, String dates, Optional<String> cloud, String... bands) {
        return new CatalogCutRequest(catalog, NAMES, List.of(bands), cloud, dates, BOX, false).toQuery();
    }

    static List<String> files(RawHttp r) {
        return CutAnswer.decode(r.body().getBytes(StandardCharsets.ISO_8859_1), "test").stream()
                .map(CutAnswer.Entry::file).toList();
    }

    @Test
    void answersTheBytesOfTheRequestNamingTheQuerysFilesInTheClientsOrder() throws IOException {
        RawHttp byCatalog = cut(server, query("catalog.json", "2018-01-07..2018-01-12", Optional.of("CLD"), "B08",
                "B04"));
        assertEquals(200, byCatalog.status(), byCatalog.body());
        List<String> expected = List.of("2018-01-07/B08.tif", "2018-01-07/B04.tif", "2018-01-07/CLD.tif",
                "2018-01-12/B08.tif", "2018-01-12/B04.tif", "2018-01-12/CLD.tif");
        assertEquals(expected, files(byCatalog), "date by date: the bands in the query's order, then the cloud layer");
        RawHttp byFiles = cut(server, new CutRequest(expected, BOX, false).toQuery());
        assertEquals(byFiles.body(), byCatalog.body(), "the same cuts");
        assertEquals(header(RawHttp.get(server.port(), "/catalog.json"), "ETag"),
                header(byCatalog, CatalogCutRequest.CATALOG_ETAG_HEADER), "the catalogue version read");
        assertTrue(byCatalog.head().contains("Content-Type: " + CutAnswer.MEDIA_TYPE), byCatalog.head());
        assertEquals("ETag, " + CatalogCutRequest.CATALOG_ETAG_HEADER,
                header(byCatalog, "Access-Control-Expose-Headers"), "a browser's script may check the versions");

        assertEquals(List.of("2018-01-02/B04.tif", "2018-01-12/B04.tif"), files(cut(server, query("catalog.json",
                "2018-01-12,2018-01-02", Optional.empty(), "B04"))), "listed dates, in order");
        assertEquals(3, files(cut(server, query("catalog.json", CatalogCutRequest.ALL_DATES, Optional.empty(),
                "CLD"))).size(), "every date");
    }

    @Test
    void everyMalformedParameterIsA400NamingIt() throws IOException {
        String good = query("catalog.json", "2018-01-02..2018-01-07", Optional.of("CLD"), "B04");
        String where = good.substring(good.indexOf("&region="));
        Map<String, String> cases = Map.ofEntries(
                Map.entry("names=B04&band=B04" + where, "catalog"),
                Map.entry("catalog=catalog.json" + where, "band"),
                Map.entry("catalog=%2Fcatalog.json&band=B04" + where, "catalog"),
                Map.entry("catalog=catalog.json&catalog=catalog.json&band=B04" + where, "catalog"),
                Map.entry("catalog=catalog.json&band=B04&band=B04" + where, "band"),
                Map.entry("catalog=catalog.json&band=B04&band=" + where, "band"),
                Map.entry("catalog=catalog.json&band=B04%2CB08" + where, "band"),
                Map.entry("catalog=catalog.json&band=B04&cloud=" + where, "cloud"),
                Map.entry("catalog=catalog.json&names=B04,,CLD&band=B04" + where, "names"),
                Map.entry(good.replace("2018-01-02..2018-01-07", "2018-01-07..2018-01-02"), "dates"),
                Map.entry(good.replace("2018-01-02..2018-01-07", "2018-1-2"), "dates"),
                Map.entry(good.replace("2018-01-02..2018-01-07", "2018-01-02,"), "dates"),
                Map.entry(good.replace("2018-01-02..2018-01-07", "yesterday"), "dates"),
                Map.entry(good + "&file=2018-01-02/B04.tif", "file"),
                Map.entry(good.replace("touched=0", "touched=2"), "touched"),
                Map.entry(good.substring(0, good.indexOf("&region=")) + "&crs=32630&touched=0", "region"),
                Map.entry("catalog=catalog.json" + "&band=B".repeat(CatalogCutRequest.MAX_LAYERS + 1) + where, "band"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawHttp r = cut(server, c.getKey());
            assertEquals(400, r.status(), c.getKey() + ": " + r.body());
            assertTrue(r.body().startsWith("400 Bad Request: parameter " + c.getValue() + ":"),
                    c.getKey() + ": " + r.body());
            assertEquals(1, r.body().strip().lines().count(), "one line");
        }
    }

    @Test
    void catalogsAreRefusedAsTheStaticPathRefusesThemAndMustBeJson() throws IOException {
        for (String path : List.of("missing.json", ".hidden/catalog.json", "folder.json", "..%2Fcatalog.json")) {
            int direct = RawHttp.get(server.port(), "/" + path).status();
            RawHttp r = cut(server, query(path.replace("%", "%25"), "all", Optional.empty(), "B04"));
            assertTrue(direct == 400 || direct == 404, path + " is refused directly: " + direct);
            assertEquals(direct, r.status(), path + ": " + r.body());
        }
        RawHttp image = cut(server, query("2018-01-02/B04.tif", "all", Optional.empty(), "B04"));
        assertEquals(400, image.status(), image.body());
        assertTrue(image.body().contains("parameter catalog: expected a .json catalogue"), image.body());
    }

    @Test
    void aQueryTheCatalogueCannotAnswerIs422SayingWhy() throws IOException {
        Map<String, String> cases = Map.of(
                query("catalog.json", "all", Optional.empty(), "B11"), "B11",
                query("catalog.json", "all", Optional.of("SCL"), "B04"), "SCL",
                query("catalog.json", "2019-01-01..2019-12-31", Optional.empty(), "B04"), "2019-01-01",
                query("catalog.json", "2018-01-03", Optional.empty(), "B04"), "2018-01-03",
                query("broken.json", "all", Optional.empty(), "B04"), "cannot read the catalogue",
                query("other.json", "all", Optional.empty(), "B04"), "none of the query's files is served here");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawHttp r = cut(server, c.getKey());
            assertEquals(422, r.status(), c.getKey() + ": " + r.body());
            assertTrue(r.body().startsWith("422 Unprocessable Entity: ") && r.body().contains(c.getValue()),
                    r.body());
        }
    }

    @Test
    void moreThanThePixelLimitIsA413() throws IOException {
        RawHttp three = cut(strict, query("catalog.json", "all", Optional.empty(), "B04"));
        assertEquals(413, three.status(), three.body());
        assertTrue(three.body().contains("more than 250 pixels"), three.body());
        assertEquals(200, cut(strict, query("catalog.json", "2018-01-02,2018-01-07", Optional.empty(), "B04"))
                .status(), "200 pixels are allowed");
    }

    @Test
    void theEtagFollowsTheCatalogueAndTheFiles() throws IOException {
        String q = query("catalog.json", "all", Optional.empty(), "B08");
        RawHttp first = cut(server, q);
        String etag = header(first, "ETag");
        assertEquals(etag, header(cut(server, q), "ETag"), "the same request, catalogue and files, the same tag");
        assertEquals(304, cut(server, q, "If-None-Match: " + etag).status());
        String catalogEtag = header(first, CatalogCutRequest.CATALOG_ETAG_HEADER);

        writeCatalogue("2018-01-02", "2018-01-07");
        RawHttp fewer = cut(server, q, "If-None-Match: " + etag);
        assertEquals(200, fewer.status(), "a replaced catalogue is a new answer");
        assertNotEquals(etag, header(fewer, "ETag"));
        assertNotEquals(catalogEtag, header(fewer, CatalogCutRequest.CATALOG_ETAG_HEADER));
        assertEquals(header(RawHttp.get(server.port(), "/catalog.json"), "ETag"),
                header(fewer, CatalogCutRequest.CATALOG_ETAG_HEADER), "the new version, named as a GET names it");
        assertEquals(List.of("2018-01-02/B08.tif", "2018-01-07/B08.tif"), files(fewer), "read from the new version");

        writeCatalogue("2018-01-02", "2018-01-07", "2018-01-12");
        String restored = header(cut(server, q), "ETag");
        writeCog(root.resolve("2018-01-12/B08.tif"), 99);
        RawHttp replacedFile = cut(server, q, "If-None-Match: " + restored);
        assertEquals(200, replacedFile.status(), "a replaced file is a new answer");
        assertNotEquals(restored, header(replacedFile, "ETag"));
    }
}
