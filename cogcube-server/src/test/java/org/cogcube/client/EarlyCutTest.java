package org.cogcube.client;

import static org.cogcube.client.ServerSubsetTest.assertSameExtraction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.region.Regions;
import org.cogcube.server.CubeServer;
import org.cogcube.server.ServerOptions;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cube opened for a first query asks that query's cuts beside the catalogue: from
 * {@code cogcube serve} the query then costs the catalogue and that one request, with the numbers
 * range reads give; an answer for another catalogue version or another query is not used (the
 * query asks again, as without it); a static server's 404 is dropped, on a connection the range
 * reads then use; {@link ServerSubset#NEVER} sends nothing of the kind.
 */
class EarlyCutTest {
    @TempDir
    static Path dir;
    static CubeServer server;
    static Path log;
    static final ReadOptions OPTIONS = ReadOptions.defaults().withLayerNames(TestCubes.LAYERS);
    static final Query QUERY = Query.of(Regions.parseGeoJson(ExtractsLikeTheOriginalTest.CONCAVE_WGS84, "region"),
            "B04", "B08").withCloudMask("CLD", 20);

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

    /** The request targets logged since {@code from} lines. */
    static List<String> targets(int from) throws IOException, InterruptedException {
        lines();
        return Files.readAllLines(log).stream().skip(from).map(l -> l.replaceAll(".*\"GET ([^ ]*) .*", "$1"))
                .collect(Collectors.toList());
    }

    /**
     * Lines logged so far, once the log has stopped growing (the server writes a line after the
     * response has gone, so the client may see the answer first).
     */
    static int lines() throws IOException, InterruptedException {
        int last = -1;
        for (int i = 0; i < 50; i++) {
            int now = Files.exists(log) ? Files.readAllLines(log).size() : 0;
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(200);
        }
        return last;
    }

    @Test
    void theQueryCostsTheCatalogueAndTheRequestSentBesideIt() throws IOException, InterruptedException {
        for (String catalogue : List.of("cog/" + Catalogs.STAC_FILE, "vrt/" + Catalogs.SIMPLE_FILE)) {
            String url = server.uri().resolve(catalogue).toString();
            Extraction byRanges = Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(QUERY);
            int from = lines();
            Cube cube = Cube.open(url, OPTIONS, ServerSubset.WHEN_ADVERTISED, QUERY);
            assertTrue(cube.serverSubset());
            assertSameExtraction(byRanges, cube.extract(QUERY));
            List<String> asked = targets(from);
            assertEquals(2, asked.size(), asked.toString());
            assertTrue(asked.contains("/" + catalogue), asked.toString());
            assertTrue(asked.stream().anyMatch(t -> t.startsWith("/_cogcube/cut?catalog=" + catalogue + "&")),
                    asked.toString());
        }
    }

    @Test
    void aDatesRangeAndAllTouchedTravelWithTheQuery() throws IOException, InterruptedException {
        Query query = QUERY.between(TestCubes.DATES.get(1), TestCubes.DATES.get(2)).withAllTouched(true);
        String url = server.uri().resolve("cog/" + Catalogs.SIMPLE_FILE).toString();
        Extraction byRanges = Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(query);
        int from = lines();
        assertSameExtraction(byRanges, Cube.open(url, OPTIONS, ServerSubset.WHEN_ADVERTISED, query).extract(query));
        assertEquals(2, targets(from).size(), targets(from).toString());
    }

    @Test
    void anotherFirstQueryLeavesTheEarlyAnswerUnusedAndAsksAgain() throws IOException, InterruptedException {
        String url = server.uri().resolve("cog/" + Catalogs.STAC_FILE).toString();
        Query other = QUERY.withBands(List.of("B08"));
        Extraction byRanges = Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(other);
        int from = lines();
        Cube cube = Cube.open(url, OPTIONS, ServerSubset.WHEN_ADVERTISED, QUERY);
        assertSameExtraction(byRanges, cube.extract(other));
        List<String> asked = targets(from);
        assertEquals(3, asked.size(), asked.toString());
        assertEquals(1, asked.stream().filter(t -> t.startsWith("/_cogcube/cut?catalog=")).count(), asked.toString());
        assertEquals(1, asked.stream().filter(t -> t.startsWith("/_cogcube/cut?file=")).count(), asked.toString());
    }

    @Test
    void anAnswerCutForAnotherCatalogueVersionIsDetectedAndTheQueryAsksAgain() throws Exception {
        Path cube = dir.resolve("replaced");
        TestCubes.cogCube(cube);
        String url = server.uri().resolve("replaced/" + Catalogs.STAC_FILE).toString();
        Optional<EarlyCut> early = EarlyCut.send(url, OPTIONS, QUERY);
        assertTrue(early.isPresent());
        assertEquals(200, early.get().answer().join().orElseThrow().status(), "cut for the old catalogue");

        // The catalogue is replaced (a new version of the same dates) before the client reads it.
        Path catalogue = cube.resolve(Catalogs.STAC_FILE);
        Path copy = cube.resolve("copy.json");
        Files.copy(catalogue, copy);
        Files.move(copy, catalogue, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Extraction byRanges = Cube.open(url, OPTIONS, ServerSubset.NEVER).extract(QUERY);
        int from = lines();
        List<String> warnings = new CopyOnWriteArrayList<>();
        Cube opened = Cube.advertised(AdvertisedCatalogue.open(url, OPTIONS), OPTIONS.withWarnings(warnings::add),
                early).join();
        assertSameExtraction(byRanges, opened.extract(QUERY));
        List<String> asked = targets(from);
        assertEquals(2, asked.size(), asked.toString());
        assertTrue(asked.get(1).startsWith("/_cogcube/cut?file="), "asked again by files: " + asked);
        assertEquals(List.of(), warnings);
    }

    @Test
    void noServerSubsetSendsNothingBesideTheCatalogue() throws IOException, InterruptedException {
        String url = server.uri().resolve("cog/" + Catalogs.STAC_FILE).toString();
        int from = lines();
        Cube cube = Cube.open(url, OPTIONS, ServerSubset.NEVER, QUERY);
        assertFalse(cube.serverSubset());
        cube.extract(QUERY);
        assertTrue(targets(from).stream().noneMatch(t -> t.startsWith("/_cogcube/")), targets(from).toString());
    }

    @Test
    void aStaticServersAnswerIsDroppedOnAConnectionTheRangeReadsReuse() {
        try (NginxServer nginx = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1)) {
            List<String> warnings = new CopyOnWriteArrayList<>();
            Cube cube = Cube.open(nginx.uri("vrt/" + Catalogs.STAC_FILE).toString(), OPTIONS.withWarnings(
                    warnings::add), ServerSubset.WHEN_ADVERTISED, QUERY);
            assertFalse(cube.serverSubset(), "nginx advertises no cut endpoint");
            Extraction viaNginx = cube.extract(QUERY);
            assertSameExtraction(Cube.open(server.uri().resolve("vrt/" + Catalogs.STAC_FILE).toString(), OPTIONS,
                    ServerSubset.NEVER).extract(QUERY), viaNginx);
            assertEquals(List.of(), warnings);
            List<String> logged = nginx.accessLog();
            List<String> cuts = logged.stream().filter(l -> l.contains("/_cogcube/cut?")).toList();
            assertEquals(1, cuts.size(), logged.toString());
            assertTrue(cuts.get(0).contains("\" 404 "), cuts.get(0));
            String connection = cuts.get(0).replaceAll(".*(connection=\\d+).*", "$1");
            assertTrue(logged.stream().filter(l -> l.endsWith(connection)).count() > 1,
                    "the 404's connection carries range reads too: " + logged);
        }
    }
}
