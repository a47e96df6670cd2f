package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
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
 * A query cancelled, or timed out, through its future stops: once the requests in flight are
 * answered, no more reach the server (seen in the log of a proxy in front of a real nginx that
 * delays every answer), and far fewer than the whole query's were sent.
 */
@Timeout(120)
class CancelsQueriesTest {
    static final Duration DELAY = Duration.ofMillis(400);

    @TempDir
    static Path dir;
    static NginxServer nginx;
    static int wholeQuery;
    FaultyProxy proxy;

    @BeforeAll
    static void serve() {
        TestCubes.cogCube(dir.resolve("cube"));
        nginx = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1);
    }

    @AfterAll
    static void stop() {
        nginx.close();
    }

    /** Counts the requests of the whole query once, then starts a fresh proxy for the test. */
    @BeforeEach
    void startProxy() {
        proxy = FaultyProxy.inFrontOf(nginx);
        if (wholeQuery == 0) {
            cube().extract(ExtractsThroughFaultsTest.QUERY);
            wholeQuery = (int) tiffRequests();
            proxy.close();
            proxy = FaultyProxy.inFrontOf(nginx);
        }
        proxy.delay(DELAY);
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    Cube cube() {
        return Cube.open(proxy.uri("cube/" + Catalogs.STAC_FILE).toString(), ReadOptions.defaults()
                .withIo(ExtractsThroughFaultsTest.io(RetryPolicy.defaults())));
    }

    long tiffRequests() {
        return proxy.log().stream().filter(r -> ExtractsThroughFaultsTest.TIFFS.matcher(r.path()).find()).count();
    }

    /** Waits until no request has arrived for twice the delay; returns the count of requests then. */
    long quiet() throws InterruptedException {
        long before;
        long after = tiffRequests();
        do {
            before = after;
            Thread.sleep(2 * DELAY.toMillis() + 200);
            after = tiffRequests();
        } while (after != before);
        return after;
    }

    @Test
    void cancellingTheFutureStopsTheRequests() throws Exception {
        proxy.schedule(FaultyProxy.always(Fault.DELAY, ExtractsThroughFaultsTest.TIFFS));
        CompletableFuture<Extraction> query = cube().extractAsync(ExtractsThroughFaultsTest.QUERY,
                ProgressListener.NONE);
        while (tiffRequests() == 0) {
            Thread.sleep(10);
        }
        assertTrue(query.cancel(true));
        long sent = quiet();
        Thread.sleep(2 * DELAY.toMillis());
        assertEquals(sent, tiffRequests(), "no request after the quiet period");
        assertTrue(sent < wholeQuery, sent + " requests sent of the " + wholeQuery + " the whole query sends");
        assertThrows(CancellationException.class, query::join);
    }

    @Test
    void aTimeoutStopsTheRequests() throws Exception {
        proxy.schedule(FaultyProxy.always(Fault.DELAY, ExtractsThroughFaultsTest.TIFFS));
        CompletableFuture<Extraction> query = cube().extractAsync(ExtractsThroughFaultsTest.QUERY,
                ProgressListener.NONE).orTimeout(DELAY.toMillis() / 2, TimeUnit.MILLISECONDS);
        CompletionException e = assertThrows(CompletionException.class, query::join);
        assertTrue(e.getCause() instanceof TimeoutException, e.toString());
        long sent = quiet();
        Thread.sleep(2 * DELAY.toMillis());
        assertEquals(sent, tiffRequests(), "no request after the quiet period");
        assertTrue(sent < wholeQuery, sent + " requests sent of the " + wholeQuery + " the whole query sends");
    }
}
