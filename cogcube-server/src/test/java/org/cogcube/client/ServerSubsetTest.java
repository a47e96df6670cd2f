package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cogcube.RegionOutsideException;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.expression.NamedExpression;
import org.cogcube.io.HttpOptions;
import org.cogcube.io.OpenOptions;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import org.cogcube.server.CubeServer;
import org.cogcube.server.ServerOptions;
import org.cogcube.server.TlsSource;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through {@code cogcube serve}, a query cut by the server gives exactly what range reads give (NaN
 * for NaN), on a cube of COGs and on one of VRT mosaics of chunks, through both catalogues, with
 * regions partly outside the cube and all-touched; it asks one request for all dates where range
 * reads ask dozens, and moves far fewer bytes; a server whose pixel limit refuses that request gets
 * it split until it fits. A server without the endpoint (nginx) is read by ranges.
 */
class ServerSubsetTest {
    @TempDir
    static Path dir;
    static CubeServer server;
    static Path log;
    static final ReadOptions OPTIONS = ReadOptions.defaults().withLayerNames(TestCubes.LAYERS);

    @BeforeAll
    static void serve() {
        TestCubes.cogCube(dir.resolve("cog"));
        TestCubes.vrtCube(dir.resolve("cog"), dir.resolve("vrt"));
        log = dir.resolve("access.log");
        server = CubeServer.start(ServerOptions.of(dir).withPort(0).withAccessLog(log));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String cube : List.of("cog", "vrt")) {
            for (String catalogue : List.of(Catalogs.STAC_FILE, Catalogs.SIMPLE_FILE)) {
                for (String region : List.of(ExtractsLikeTheOriginalTest.TWO_PARTS_WGS84,
                        ExtractsLikeTheOriginalTest.CORNER_UTM, ExtractsLikeTheOriginalTest.CONCAVE_WGS84)) {
                    for (boolean touched : List.of(false, true)) {
                        all.add(Arguments.of(cube + "/" + catalogue, region, touched));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} all-touched {2}")
    @MethodSource("cases")
    void cutByTheServerEqualsReadByRanges(String catalogue, String geojson, boolean touched) {
        Region region = Regions.parseGeoJson(geojson, "region");
        Query query = Query.of(region, "B04", "B08").withCloudMask("CLD", 20).withAllTouched(touched);
        String url = server.uri().resolve(catalogue).toString();
        Cube subset = Cube.open(url, OPTIONS);
        Cube ranges = Cube.open(url, OPTIONS, ServerSubset.NEVER);
        assertTrue(subset.serverSubset(), "the catalogue advertises the endpoint");
        assertFalse(ranges.serverSubset());
        assertSameExtraction(ranges.extract(query), subset.extract(query));
    }

    @Test
    void oneRequestForAllDatesAndFarFewerBytes() throws IOException {
        Region region = Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CONCAVE_WGS84, "region");
        Query query = Query.of(region, "B04", "B08").withCloudMask("CLD", 20);
        String url = server.uri().resolve("vrt/" + Catalogs.STAC_FILE).toString();

        long[] before = requestsAndBytes();
        Cube.open(url, OPTIONS).extract(query);
        long[] subset = minus(requestsAndBytes(), before);

        before = requestsAndBytes();
        Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(query);
        long[] ranges = minus(requestsAndBytes(), before);

        assertEquals(2, subset[0], "the catalogue, then one request for every file of every date");
        assertTrue(ranges[0] > 3 * subset[0], "range reads ask " + ranges[0] + " requests");
        assertTrue(subset[1] * 5 < ranges[1], "bytes cut by the server " + subset[1] + ", by ranges " + ranges[1]);
    }

    @Test
    void statisticsAskOneCutPerFieldAndEqualThoseByRanges() throws IOException {
        Region fields = Regions.parseGeoJson("{\"type\": \"FeatureCollection\", \"features\": ["
                + "{\"type\": \"Feature\", \"id\": \"north\", \"properties\": {}, \"geometry\": {\"type\": "
                + "\"Polygon\", \"coordinates\": [[[-2.100,7.230],[-2.085,7.2305],[-2.0852,7.220],[-2.1001,7.2203],"
                + "[-2.100,7.230]]]}},"
                + "{\"type\": \"Feature\", \"id\": \"south\", \"properties\": {}, \"geometry\": {\"type\": "
                + "\"Polygon\", \"coordinates\": [[[-2.060,7.200],[-2.045,7.210],[-2.050,7.195],[-2.060,7.200]]]}}]}",
                "fields");
        Query query = Query.of(fields, "B04", "B08").withCloudMask("CLD", 20);
        List<NamedExpression> variables = List.of(NamedExpression.identity("B04"),
                NamedExpression.parse("NDVI=(B08-B04)/(B08+B04)"));
        // The simple catalogue names no grids: the files' come with the cuts, not from their headers.
        for (String catalogue : List.of(Catalogs.STAC_FILE, Catalogs.SIMPLE_FILE)) {
            String url = server.uri().resolve("cog/" + catalogue).toString();
            long[] before = requestsAndBytes();
            List<ZonalStatistics.Row> cut = ZonalStatistics.compute(Cube.open(url, OPTIONS), query, variables);
            long[] subset = minus(requestsAndBytes(), before);
            List<ZonalStatistics.Row> byRanges = ZonalStatistics.compute(Cube.open(url, OPTIONS, ServerSubset.NEVER),
                    query, variables);

            assertEquals(byRanges, cut, catalogue);
            assertEquals(2 * TestCubes.DATES.size() * variables.size(), cut.size(), catalogue);
            assertEquals(3, subset[0], catalogue + ": the catalogue, then one request per field for every file"
                    + " of every date");
        }
    }

    @Test
    void aRequestBeyondTheServersPixelLimitIsSplitUntilItFits() throws IOException {
        Region region = Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CONCAVE_WGS84, "region");
        Query query = Query.of(region, "B04", "B08").withCloudMask("CLD", 20);
        Extraction byRanges = Cube.open(server.uri().resolve("cog/" + Catalogs.STAC_FILE).toString(), OPTIONS,
                ServerSubset.NEVER).extract(query);
        long onePixels = (long) byRanges.cuts().get(0).grid().width() * byRanges.cuts().get(0).grid().height();
        Path strictLog = dir.resolve("strict.log");
        try (CubeServer strict = CubeServer.start(ServerOptions.of(dir).withPort(0).withAccessLog(strictLog)
                .withLimits(ServerOptions.Limits.defaults().withMaxCutPixels(3 * onePixels)))) {
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            Cube cube = Cube.open(strict.uri().resolve("cog/" + Catalogs.STAC_FILE).toString(),
                    OPTIONS.withWarnings(warnings::add));
            assertSameExtraction(byRanges, cube.extract(query));
            assertEquals(List.of(), warnings, "no file fell back to range reads");
        }
        List<String> lines = Files.readAllLines(strictLog);
        assertTrue(lines.stream().allMatch(l -> l.contains("/_cogcube/cut?") || l.contains(Catalogs.STAC_FILE)),
                "only the catalogue and cut requests: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" 413 ")), "the whole query was refused first");
        assertTrue(lines.stream().filter(l -> l.contains(" 200 ")).count() >= 1 + TestCubes.DATES.size() / 2,
                "then asked in parts: " + lines.size() + " requests");
    }

    @Test
    void overH2cEveryDateGoesOverOneConnection() {
        Region region = Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CONCAVE_WGS84, "region");
        Query query = Query.of(region, "B04", "B08").withCloudMask("CLD", 20);
        ReadOptions h2c = OPTIONS.withIo(OpenOptions.defaults()
                .withHttp(HttpOptions.defaults().withProtocol(HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE)));
        String url = server.uri().resolve("cog/" + Catalogs.STAC_FILE).toString();
        Cube cube = Cube.open(url, h2c);
        assertTrue(cube.serverSubset());
        assertSameExtraction(Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(query), cube.extract(query));
    }

    @Test
    void overTlsAlpnChoosesH2AndTheCutsPassOverOneConnection() {
        List<String> lines = extractOverTls(HttpOptions.Protocol.HTTP_2);
        assertTrue(lines.stream().allMatch(l -> l.contains(" HTTP/2.0\"")), "h2 by ALPN: " + lines);
    }

    @Test
    void overTlsAskedForHttp11TheCutsPassOverHttp11() {
        List<String> lines = extractOverTls(HttpOptions.Protocol.HTTP_1_1);
        assertTrue(lines.stream().allMatch(l -> l.contains(" HTTP/1.1\"")), "http/1.1 by ALPN: " + lines);
    }

    /** Extracts from a TLS server with a self-signed certificate (trusted), as from cleartext; its access log. */
    private static List<String> extractOverTls(HttpOptions.Protocol protocol) {
        Region region = Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CONCAVE_WGS84, "region");
        Query query = Query.of(region, "B04", "B08").withCloudMask("CLD", 20);
        ReadOptions trusting = OPTIONS.withIo(OpenOptions.defaults().withHttp(HttpOptions.defaults()
                .withProtocol(protocol).withTrustAllCertificates(true)));
        Path tlsLog = dir.resolve("tls-" + protocol + ".log");
        try (CubeServer tls = CubeServer.start(ServerOptions.of(dir).withPort(0).withAccessLog(tlsLog)
                .withTls(TlsSource.selfSigned()))) {
            Cube cube = Cube.open(tls.uri().resolve("cog/" + Catalogs.STAC_FILE).toString(), trusting);
            assertTrue(cube.serverSubset());
            Extraction viaTls = cube.extract(query);
            String url = server.uri().resolve("cog/" + Catalogs.STAC_FILE).toString();
            assertSameExtraction(Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(query), viaTls);
        }
        try {
            List<String> lines = Files.readAllLines(tlsLog);
            assertEquals(2, lines.size(), "the catalogue and one cut: " + lines);
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTrustedSayingWhatToDo() {
        try (CubeServer tls = CubeServer.start(ServerOptions.of(dir).withPort(0).withTls(TlsSource.selfSigned()))) {
            String url = tls.uri().resolve("cog/" + Catalogs.STAC_FILE).toString();
            RuntimeException e = assertThrows(RuntimeException.class, () -> Cube.open(url, OPTIONS));
            String message = e.getMessage();
            assertTrue(message.contains(url) && message.contains("TLS handshake failed")
                    && message.contains("-Djavax.net.ssl.trustStore") && !message.contains("attempts"), message);
        }
    }

    @Test
    void aRegionOutsideTheCubeFailsAsByRanges() {
        Region far = Query.bbox(700000, 700000, 701000, 701000, TestCubes.GRID.crs());
        Query query = Query.of(far, "B04");
        String url = server.uri().resolve("cog/" + Catalogs.STAC_FILE).toString();
        RegionOutsideException bySubset = assertThrows(RegionOutsideException.class,
                () -> Cube.open(url, OPTIONS).extract(query));
        RegionOutsideException byRanges = assertThrows(RegionOutsideException.class,
                () -> Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(query));
        assertEquals(byRanges.getMessage(), bySubset.getMessage());
    }

    @Test
    void aFileTheEndpointCannotFindIsReadByRangesAfterOneWarningAndFailsNamingItsUrl() throws IOException {
        Path cube = dir.resolve("gone");
        TestCubes.cogCube(cube);
        Files.delete(cube.resolve(TestCubes.DATES.get(1).toString()).resolve("B08.tif"));
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Cube c = Cube.open(server.uri().resolve("gone/" + Catalogs.STAC_FILE).toString(),
                OPTIONS.withWarnings(warnings::add));
        Query query = Query.of(Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CORNER_UTM, "region"), "B08");
        org.cogcube.SourceException e = assertThrows(org.cogcube.SourceException.class, () -> c.extract(query));
        assertTrue(e.getMessage().contains("/gone/" + TestCubes.DATES.get(1) + "/B08.tif"), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("reading by ranges") && warnings.get(0).contains("404"),
                warnings.get(0));
    }

    @Test
    void behindAnHttp11OnlyProxyTheCutsPassWithoutWarning() throws Exception {
        java.net.http.HttpClient upstream = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            try (exchange) {
                var request = java.net.http.HttpRequest.newBuilder(server.uri().resolve(
                        exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? ""
                                : "?" + exchange.getRequestURI().getRawQuery())));
                String range = exchange.getRequestHeaders().getFirst("Range");
                if (range != null) {
                    request.header("Range", range);
                }
                var answer = upstream.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                for (String name : List.of("Link", "Content-Type", "ETag", "Content-Range")) {
                    answer.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().add(name, v));
                }
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
        try {
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            String url = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/cog/" + Catalogs.STAC_FILE;
            Cube cube = Cube.open(url, OPTIONS.withWarnings(warnings::add));
            assertTrue(cube.serverSubset(), "the proxy passes the Link header on");
            Query query = Query.of(Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CONCAVE_WGS84, "region"), "B04",
                    "B08").withCloudMask("CLD", 20);
            assertSameExtraction(Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(query), cube.extract(query));
            assertEquals(List.of(), warnings, "the cuts go as the catalogue went, over HTTP/1.1");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void aServerWithoutTheEndpointIsReadByRanges() {
        Region region = Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CORNER_UTM, "region");
        Query query = Query.of(region, "B04", "B08").withCloudMask("CLD", 20);
        try (NginxServer nginx = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1)) {
            Cube cube = Cube.open(nginx.uri("vrt/" + Catalogs.STAC_FILE).toString(), OPTIONS);
            assertFalse(cube.serverSubset(), "nginx advertises no cut endpoint");
            Extraction viaNginx = cube.extract(query);
            Extraction viaServer = Cube.open(server.uri().resolve("vrt/" + Catalogs.STAC_FILE).toString(), OPTIONS)
                    .extract(query);
            assertSameExtraction(viaNginx, viaServer);
        }
    }

    static void assertSameExtraction(Extraction expected, Extraction actual) {
        assertEquals(expected.dropped(), actual.dropped(), "dropped");
        assertEquals(expected.cuts().size(), actual.cuts().size(), "cuts kept");
        assertFalse(expected.cuts().isEmpty(), "something to compare");
        for (int i = 0; i < expected.cuts().size(); i++) {
            LayerCut e = expected.cuts().get(i);
            LayerCut a = actual.cuts().get(i);
            String what = e.band() + " on " + e.date();
            assertEquals(e.band(), a.band(), what);
            assertEquals(e.date(), a.date(), what);
            assertEquals(e.grid(), a.grid(), what);
            assertTrue(Arrays.equals(e.values(), a.values()), what + ": values differ");
        }
    }

    /**
     * Requests and response bytes logged so far, once the log has stopped growing (the server writes
     * a line after the response has gone, so the client may see the answer first).
     */
    static long[] requestsAndBytes() throws IOException {
        long[] last = logged();
        for (int i = 0; i < 50; i++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long[] now = logged();
            if (Arrays.equals(now, last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Requests and response bytes logged so far (NCSA: the bytes are the field after the status). */
    static long[] logged() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        long bytes = 0;
        for (String line : lines) {
            String[] afterRequest = line.substring(line.indexOf("\" ", line.indexOf('"') + 1) + 2).split(" ");
            bytes += afterRequest[1].equals("-") ? 0 : Long.parseLong(afterRequest[1]);
        }
        return new long[] {lines.size(), bytes};
    }

    static long[] minus(long[] a, long[] b) {
        return new long[] {a[0] - b[0], a[1] - b[1]};
    }
}
