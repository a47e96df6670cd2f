package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What one served file looks like over HTTP/1.1: ranges, validators, methods, types, gzip, CORS. */
class ServedFilesTest {
    static final String COG = "2018-01-02/B04.tif";

    @TempDir
    static Path dir;
    static Path root;
    static byte[] cog;
    static String catalogue;
    static CubeServer server;
    static HttpClient client;

    @BeforeAll
    static void serve() throws IOException {
        root = Files.createDirectories(dir.resolve("cube"));
        Files.createDirectories(root.resolve("2018-01-02"));
        Files.copy(Gdal.fixture("cog_overviews_uint16.tif"), root.resolve(COG));
        cog = Files.readAllBytes(root.resolve(COG));
        StringBuilder json = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 1; i <= 30; i++) {
            json.append(i > 1 ? ", " : "").append("{\"id\": \"2018-01-").append(String.format("%02d", i))
                    .append("\", \"assets\": {\"B04\": {\"href\": \"2018-01-02/B04.tif\"}}}");
        }
        catalogue = json.append("]}\n").toString();
        Files.writeString(root.resolve("catalog.json"), catalogue);
        Files.writeString(root.resolve("aoi.geojson"), catalogue);
        Files.writeString(root.resolve("mosaic.vrt"), "<VRTDataset rasterXSize=\"1\" rasterYSize=\"1\"></VRTDataset>\n");
        Files.write(root.resolve("notes.bin"), new byte[] {1, 2, 3});
        server = CubeServer.start(ServerOptions.of(root).withPort(0).withAccessLog(dir.resolve("access.log")));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void wholeFileIs200WithValidatorsAndTheGeoTiffType() throws Exception {
        HttpResponse<byte[]> r = send("GET", COG);
        assertEquals(200, r.statusCode());
        assertArrayEquals(cog, r.body());
        assertEquals("image/tiff; application=geotiff", header(r, "Content-Type"));
        assertEquals("bytes", header(r, "Accept-Ranges"));
        assertEquals(String.valueOf(cog.length), header(r, "Content-Length"));
        assertTrue(header(r, "ETag").matches("\"[0-9a-f]+-[0-9a-f]+-[0-9a-f]+\""), header(r, "ETag"));
        assertEquals(Files.getLastModifiedTime(root.resolve(COG)).toMillis() / 1000 * 1000,
                Validators.parseHttpDate(header(r, "Last-Modified")));
        assertEquals("public, no-cache", header(r, "Cache-Control"));
    }

    @Test
    void oneRangeIs206WithContentRange() throws Exception {
        HttpResponse<byte[]> r = send("GET", COG, "Range", "bytes=100-1123");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 100-1123/" + cog.length, header(r, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(cog, 100, 1124), r.body());
    }

    @Test
    void suffixAndOpenEndedRangesReachTheEnd() throws Exception {
        HttpResponse<byte[]> suffix = send("GET", COG, "Range", "bytes=-500");
        assertEquals(206, suffix.statusCode());
        assertArrayEquals(Arrays.copyOfRange(cog, cog.length - 500, cog.length), suffix.body());
        HttpResponse<byte[]> open = send("GET", COG, "Range", "bytes=" + (cog.length - 10) + "-");
        assertEquals("bytes " + (cog.length - 10) + "-" + (cog.length - 1) + "/" + cog.length, header(open, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(cog, cog.length - 10, cog.length), open.body());
    }

    @Test
    void severalRangesAreMultipartByteranges() throws Exception {
        HttpResponse<byte[]> r = send("GET", COG, "Range", "bytes=0-15, 4000-4999, -7");
        assertEquals(206, r.statusCode());
        String type = header(r, "Content-Type");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        assertEquals(String.valueOf(r.body().length), header(r, "Content-Length"));
        List<Part> parts = Part.parse(r.body(), type.substring(type.indexOf('=') + 1));
        assertEquals(3, parts.size());
        assertEquals("bytes 0-15/" + cog.length, parts.get(0).contentRange);
        assertArrayEquals(Arrays.copyOfRange(cog, 0, 16), parts.get(0).body);
        assertEquals("bytes 4000-4999/" + cog.length, parts.get(1).contentRange);
        assertArrayEquals(Arrays.copyOfRange(cog, 4000, 5000), parts.get(1).body);
        assertArrayEquals(Arrays.copyOfRange(cog, cog.length - 7, cog.length), parts.get(2).body);
        assertEquals("image/tiff; application=geotiff", parts.get(2).contentType);
    }

    @Test
    void unsatisfiableRangeIs416WithTheSize() throws Exception {
        HttpResponse<byte[]> r = send("GET", COG, "Range", "bytes=" + cog.length + "-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */" + cog.length, header(r, "Content-Range"));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304() throws Exception {
        String etag = header(send("HEAD", COG), "ETag");
        HttpResponse<byte[]> r = send("GET", COG, "If-None-Match", etag);
        assertEquals(304, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(etag, header(r, "ETag"));
        assertEquals(200, send("GET", COG, "If-None-Match", "\"older\"").statusCode());
        String date = header(send("HEAD", COG), "Last-Modified");
        assertEquals(304, send("GET", COG, "If-Modified-Since", date).statusCode());
        assertEquals(412, send("GET", COG, "If-Match", "\"older\"").statusCode());
    }

    @Test
    void ifRangeWithAStaleTagSendsTheWholeFile() throws Exception {
        HttpResponse<byte[]> stale = send("GET", COG, "Range", "bytes=0-9", "If-Range", "\"stale-0-0\"");
        assertEquals(200, stale.statusCode());
        assertArrayEquals(cog, stale.body());
        String etag = header(stale, "ETag");
        HttpResponse<byte[]> current = send("GET", COG, "Range", "bytes=0-9", "If-Range", etag);
        assertEquals(206, current.statusCode());
        assertEquals(10, current.body().length);
        assertEquals(200, send("GET", COG, "Range", "bytes=0-9", "If-Range", "W/" + etag).statusCode());
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<byte[]> r = send("HEAD", COG);
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
        assertEquals(String.valueOf(cog.length), header(r, "Content-Length"));
        assertEquals(header(send("GET", COG), "ETag"), header(r, "ETag"));
    }

    @Test
    void preflightAllowsRangeFromAnyOrigin() throws Exception {
        HttpResponse<byte[]> r = send("OPTIONS", COG, "Origin", "https://viewer.example.org",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "range");
        assertTrue(r.statusCode() == 204 || r.statusCode() == 200, "status " + r.statusCode());
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        assertTrue(header(r, "Access-Control-Allow-Headers").contains("Range"));
        assertTrue(header(r, "Access-Control-Allow-Methods").contains("GET"));
    }

    @Test
    void responsesExposeTheRangeHeadersToBrowsers() throws Exception {
        HttpResponse<byte[]> r = send("GET", COG, "Origin", "https://viewer.example.org", "Range", "bytes=0-1");
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        String exposed = header(r, "Access-Control-Expose-Headers");
        for (String name : List.of("Content-Range", "Content-Length", "ETag", "Accept-Ranges")) {
            assertTrue(exposed.contains(name), exposed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "POST", "DELETE", "PATCH", "PROPFIND"})
    void everyOtherMethodIs405(String method) throws Exception {
        HttpResponse<byte[]> r = send(method, COG);
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD, OPTIONS", header(r, "Allow"));
        assertArrayEquals(cog, Files.readAllBytes(root.resolve(COG)));
    }

    @Test
    void jsonIsGzippedWhenAskedAndTiffNever() throws Exception {
        HttpResponse<byte[]> gz = send("GET", "catalog.json", "Accept-Encoding", "br;q=1, gzip;q=0.8");
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", header(gz, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(gz, "Vary"));
        assertTrue(gz.body().length < catalogue.length() / 3, gz.body().length + " bytes");
        assertEquals(catalogue, new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                StandardCharsets.UTF_8));
        HttpResponse<byte[]> plain = send("GET", "catalog.json");
        assertEquals(null, header(plain, "Content-Encoding"));
        assertEquals(catalogue, new String(plain.body(), StandardCharsets.UTF_8));
        assertNotEquals(header(plain, "ETag"), header(gz, "ETag"));
        assertEquals(304, send("GET", "catalog.json", "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag"))
                .statusCode());
        assertEquals(null, header(send("GET", "catalog.json", "Accept-Encoding", "gzip;q=0"), "Content-Encoding"));
        assertEquals(null, header(send("GET", "catalog.json", "Accept-Encoding", "gzip", "Range", "bytes=0-9"),
                "Content-Encoding"));
        HttpResponse<byte[]> tiff = send("GET", COG, "Accept-Encoding", "gzip");
        assertEquals(null, header(tiff, "Content-Encoding"));
        assertArrayEquals(cog, tiff.body());
    }

    @Test
    void contentTypesFollowTheExtension() throws Exception {
        assertEquals("application/json", header(send("HEAD", "catalog.json"), "Content-Type"));
        assertEquals("application/geo+json", header(send("HEAD", "aoi.geojson"), "Content-Type"));
        assertEquals("application/xml", header(send("HEAD", "mosaic.vrt"), "Content-Type"));
        assertEquals("application/octet-stream", header(send("HEAD", "notes.bin"), "Content-Type"));
        assertEquals("public, max-age=60, must-revalidate", header(send("HEAD", "catalog.json"), "Cache-Control"));
    }

    @Test
    void foldersAreNotListedByDefault() throws Exception {
        HttpResponse<byte[]> r = send("GET", "2018-01-02/");
        assertEquals(404, r.statusCode());
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("B04"));
        assertEquals(404, send("GET", "").statusCode());
    }

    @Test
    void foldersAreListedWithListing() throws Exception {
        Files.writeString(root.resolve("2018-01-02/.partial.tif"), "being written");
        try (CubeServer listing = CubeServer.start(ServerOptions.of(root).withPort(0).withListing(true))) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(listing.uri().resolve("2018-01-02/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("<a href=\"B04.tif\">B04.tif</a>"), r.body());
            assertFalse(r.body().contains("partial"), r.body());
            HttpResponse<String> bare = client.send(HttpRequest.newBuilder(listing.uri().resolve("2018-01-02")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(301, bare.statusCode());
            assertEquals("/2018-01-02/", bare.headers().firstValue("Location").orElseThrow());
        } finally {
            Files.delete(root.resolve("2018-01-02/.partial.tif"));
        }
    }

    @Test
    void accessLogHasOneCombinedLinePerRequest() throws Exception {
        send("GET", COG, "Range", "bytes=0-99", "User-Agent", "cogcube-test", "Referer", "http://viewer/");
        Path log = dir.resolve("access.log");
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) { // the log is written after the response
            line = Files.readAllLines(log).stream().filter(l -> l.contains("cogcube-test")).findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(line != null && line.matches(
                "127\\.0\\.0\\.1 - - \\[[^\\]]+\\] \"GET /2018-01-02/B04\\.tif HTTP/1\\.1\" 206 100 \"http://viewer/\" \"cogcube-test\""),
                line);
    }

    /** One part of a multipart/byteranges body. */
    record Part(String contentType, String contentRange, byte[] body) {

        static List<Part> parse(byte[] body, String boundary) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            String delimiter = "--" + boundary;
            assertTrue(text.endsWith(delimiter + "--\r\n"), "multipart body must end with the close delimiter");
            List<Part> parts = new ArrayList<>();
            int at = text.indexOf(delimiter);
            while (true) {
                int lineEnd = text.indexOf("\r\n", at);
                if (text.startsWith("--", at + delimiter.length())) {
                    return parts;
                }
                int headersEnd = text.indexOf("\r\n\r\n", lineEnd);
                String contentType = null;
                String contentRange = null;
                for (String h : text.substring(lineEnd + 2, headersEnd).split("\r\n")) {
                    String name = h.substring(0, h.indexOf(':')).trim();
                    String value = h.substring(h.indexOf(':') + 1).trim();
                    if (name.equalsIgnoreCase("Content-Type")) {
                        contentType = value;
                    } else if (name.equalsIgnoreCase("Content-Range")) {
                        contentRange = value;
                    }
                }
                String[] range = contentRange.substring(6, contentRange.indexOf('/')).split("-");
                int first = Integer.parseInt(range[0]);
                int last = Integer.parseInt(range[1]);
                int start = headersEnd + 4;
                byte[] data = Arrays.copyOfRange(body, start, start + last - first + 1);
                parts.add(new Part(contentType, contentRange, data));
                at = start + data.length;
                assertEquals("\r\n" + delimiter, text.substring(at, at + 2 + delimiter.length()));
                at += 2;
            }
        }
    }
}
