package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.cogcube.SourceException;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.io.HttpOptions;
import org.cogcube.io.OpenOptions;
import org.cogcube.io.RetryPolicy;
import org.cogcube.testing.FaultyProxy;
import org.cogcube.testing.FaultyProxy.Fault;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries over HTTP/1.1 through a proxy in front of a real nginx that drops, resets, truncates,
 * delays, 503s and lies: faults the retries can absorb give the local read's arrays; the others
 * fail naming the URL, the range and the cause, never with wrong or mixed pixels.
 */
@Timeout(120)
class ExtractsThroughFaultsTest {
    static final Pattern TIFFS = Pattern.compile("\\.tif$");
    static final Query QUERY = Query.of(Query.bbox(601000.5, 797001.5, 604503.5, 799803.5, TestCubes.GRID.crs()),
            "B04", "B08").withCloudMask("CLD", 20);

    @TempDir
    static Path dir;
    static NginxServer nginx;
    static Extraction local;
    FaultyProxy proxy;

    @BeforeAll
    static void serve() {
        TestCubes.cogCube(dir.resolve("cube"));
        nginx = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1);
        local = Cube.open(dir.resolve("cube").resolve(Catalogs.STAC_FILE).toString()).extract(QUERY);
    }

    @AfterAll
    static void stop() {
        nginx.close();
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultyProxy.inFrontOf(nginx);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    static OpenOptions io(RetryPolicy retry) {
        return OpenOptions.defaults().withRetry(retry).withHttp(HttpOptions.defaults()
                .withProtocol(HttpOptions.Protocol.HTTP_1_1).withRequestTimeout(Duration.ofMillis(1500)));
    }

    Cube cube(OpenOptions io) {
        return Cube.open(proxy.uri("cube/" + Catalogs.STAC_FILE).toString(), ReadOptions.defaults().withIo(io));
    }

    static void assertSameAsLocal(Extraction x) {
        assertSame(local, x);
    }

    static void assertSame(Extraction local, Extraction x) {
        assertEquals(local.dropped(), x.dropped());
        assertEquals(local.cuts().size(), x.cuts().size());
        for (LayerCut expected : local.cuts()) {
            LayerCut found = x.get(expected.band(), expected.date()).orElseThrow();
            assertEquals(expected.raster().grid(), found.raster().grid());
            // Arrays.equals compares floats by their bits: NaN equals NaN.
            assertTrue(Arrays.equals(expected.values(), found.values()), expected.band() + " " + expected.date());
        }
    }

    long faults(Fault fault) {
        return proxy.log().stream().filter(r -> r.fault() == fault).count();
    }

    @Test
    void seededTransientFaultsGiveTheLocalArrays() {
        List<Fault> transient_ = List.of(Fault.DROP, Fault.RESET, Fault.TRUNCATE, Fault.DELAY, Fault.UNAVAILABLE,
                Fault.UNAVAILABLE_RETRY_AFTER, Fault.TOO_MANY, Fault.TOO_MANY_RETRY_AFTER, Fault.WHOLE_FILE);
        proxy.delay(Duration.ofSeconds(3));
        for (long seed = 1; seed <= 3; seed++) {
            proxy.schedule(FaultyProxy.seeded(seed, 0.25, TIFFS, transient_));
            int before = proxy.log().size();
            assertSameAsLocal(cube(io(new RetryPolicy(8, Duration.ofMillis(10), Duration.ofSeconds(2)))).extract(QUERY));
            long injected = proxy.log().stream().skip(before).filter(r -> r.fault() != Fault.NONE).count();
            assertTrue(injected >= 5, "seed " + seed + ": only " + injected + " faults injected");
        }
        for (Fault fault : transient_) {
            assertTrue(faults(fault) > 0, "no " + fault + " injected: " + proxy.log());
        }
    }

    @Test
    @Timeout(30) // 3 attempts, waits of at most 100 ms: the error comes well within this bound
    void aPersistent503FailsNamingUrlRangeStatusAndAttempts() {
        proxy.schedule(FaultyProxy.always(Fault.UNAVAILABLE, TIFFS));
        Cube cube = cube(io(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100))));
        SourceException e = assertThrows(SourceException.class, () -> cube.extract(QUERY));
        assertEquals(503, e.status().orElseThrow());
        assertTrue(e.location().startsWith(proxy.uri("cube/").toString()) && e.location().endsWith(".tif"),
                e.location());
        assertTrue(e.getMessage().contains(e.location()) && e.getMessage().matches("(?s).*\\[bytes \\d+-\\d+\\].*")
                && e.getMessage().contains("failed after 3 attempts")
                && e.getMessage().contains("503 Service Unavailable"), e.getMessage());
    }

    @Test
    @Timeout(30) // 2 attempts of at most 1.5 s each, then the error
    void anAnswerLaterThanTheRequestTimeoutFailsSayingSo() {
        proxy.delay(Duration.ofSeconds(3));
        proxy.schedule(FaultyProxy.always(Fault.DELAY, TIFFS));
        Cube cube = cube(io(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50))));
        SourceException e = assertThrows(SourceException.class, () -> cube.extract(QUERY));
        assertTrue(e.getMessage().contains(e.location()) && e.location().endsWith(".tif")
                && e.getMessage().contains("failed after 2 attempts")
                && e.getMessage().contains("expected an answer within 1500 ms, found none (timed out)"), e.getMessage());
    }

    @Test
    void aRetryAfterWithinTheCapIsWaitedForAndOneBeyondItFailsAtOnce() {
        proxy.retryAfterSeconds(1);
        java.util.concurrent.atomic.AtomicInteger tiffs = new java.util.concurrent.atomic.AtomicInteger();
        proxy.schedule((n, path, range) -> TIFFS.matcher(path).find() && tiffs.incrementAndGet() <= 2
                ? Fault.UNAVAILABLE_RETRY_AFTER : Fault.NONE);
        assertSameAsLocal(cube(io(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(2)))).extract(QUERY));
        List<FaultyProxy.Request> log = proxy.log();
        FaultyProxy.Request refused = log.stream().filter(r -> r.fault() == Fault.UNAVAILABLE_RETRY_AFTER)
                .findFirst().orElseThrow();
        FaultyProxy.Request retry = log.stream().filter(r -> r.n() > refused.n() && r.path().equals(refused.path())
                && r.range().equals(refused.range())).findFirst().orElseThrow();
        assertTrue(retry.nanoTime() - refused.nanoTime() >= Duration.ofSeconds(1).toNanos(),
                "the retry came " + (retry.nanoTime() - refused.nanoTime()) / 1e6 + " ms after a Retry-After of 1 s");

        proxy.close();
        proxy = FaultyProxy.inFrontOf(nginx);
        proxy.retryAfterSeconds(60);
        proxy.schedule(FaultyProxy.always(Fault.TOO_MANY_RETRY_AFTER, TIFFS));
        Cube cube = cube(io(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofSeconds(2))));
        SourceException e = assertThrows(SourceException.class, () -> cube.extract(QUERY));
        assertEquals(429, e.status().orElseThrow());
        assertTrue(e.getMessage().contains("asked to wait 60000 ms, longer than the 2000 ms allowed"), e.getMessage());
    }

    @Test
    void aWrongContentRangeFailsClearly() {
        proxy.schedule(FaultyProxy.always(Fault.WRONG_CONTENT_RANGE, TIFFS));
        SourceException e = assertThrows(SourceException.class, () -> cube(io(RetryPolicy.defaults())).extract(QUERY));
        assertTrue(e.getMessage().matches("(?s).*expected Content-Range bytes (\\d+)-(\\d+)/(\\d+|\\*), found bytes .*"),
                e.getMessage());
        assertTrue(e.getMessage().contains(e.location()) && e.location().endsWith(".tif"), e.getMessage());
    }

    @Test
    void aWholeFileWithinTheCapIsSlicedAndOneBeyondItFailsClearly() {
        proxy.schedule(FaultyProxy.always(Fault.WHOLE_FILE, TIFFS));
        assertSameAsLocal(cube(io(RetryPolicy.defaults())).extract(QUERY));

        OpenOptions small = io(RetryPolicy.defaults());
        small = small.withHttp(small.http().withMaxFullBodyBytes(10_000));
        Cube cube = cube(small);
        SourceException e = assertThrows(SourceException.class, () -> cube.extract(QUERY));
        assertEquals(200, e.status().orElseThrow());
        assertTrue(e.getMessage().contains("ignores Range") && e.getMessage().contains(e.location()), e.getMessage());
    }

    @Test
    void aFileReplacedMidQueryIsReadWhollyAfreshNeverMixed() {
        String b04 = "/cube/" + TestCubes.DATES.get(0) + "/B04.tif";
        String b08 = "/cube/" + TestCubes.DATES.get(0) + "/B08.tif";
        proxy.replaceWith(path -> path.replace("B04.tif", "B08.tif"));
        // The first request for B04 (its header) is the old file; every later one the new file's.
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        proxy.schedule((n, path, range) -> path.equals(b04) && seen.incrementAndGet() > 1 ? Fault.REPLACED
                : Fault.NONE);
        Extraction x = cube(io(RetryPolicy.defaults())).extract(QUERY.on(TestCubes.DATES.get(0)));
        assertTrue(faults(Fault.REPLACED) > 0, "the file was replaced: " + proxy.log());
        float[] newB04 = x.get("B04", TestCubes.DATES.get(0)).orElseThrow().values();
        float[] oldB08 = x.get("B08", TestCubes.DATES.get(0)).orElseThrow().values();
        assertTrue(Arrays.equals(oldB08, newB04), "B04 read wholly from the file now under its name (" + b08 + ")");
    }
}
