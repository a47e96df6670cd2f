package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.io.HttpOptions;
import org.cogcube.io.OpenOptions;
import org.cogcube.io.RetryPolicy;
import org.cogcube.testing.FaultyRelay;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections refused or reset mid-answer by a TCP relay in front of a real nginx, over HTTP/1.1
 * and h2c (where one reset cuts every stream in flight on the connection): the retries give the
 * local read's arrays.
 */
@Timeout(120)
class ExtractsThroughConnectionFaultsTest {
    @TempDir
    static Path dir;
    static NginxServer http;
    static NginxServer h2c;

    @BeforeAll
    static void serve() {
        TestCubes.cogCube(dir.resolve("cube"));
        http = NginxServer.start(dir, NginxServer.Mode.HTTP_1_1);
        h2c = NginxServer.start(dir, NginxServer.Mode.H2C);
    }

    @AfterAll
    static void stop() {
        http.close();
        h2c.close();
    }

    @ParameterizedTest
    @EnumSource(value = HttpOptions.Protocol.class, names = {"HTTP_1_1", "H2C_PRIOR_KNOWLEDGE"})
    void connectionsResetMidAnswerAreRetried(HttpOptions.Protocol protocol) {
        NginxServer server = protocol == HttpOptions.Protocol.HTTP_1_1 ? http : h2c;
        Extraction local = Cube.open(dir.resolve("cube").resolve(Catalogs.STAC_FILE).toString())
                .extract(ExtractsThroughFaultsTest.QUERY);
        // The first three connections are reset once 8 kB have passed (h2c carries the whole query on
        // one connection until it breaks), the fourth is refused.
        try (FaultyRelay relay = FaultyRelay.inFrontOf(server, n -> switch (n) {
            case 1, 2, 3 -> FaultyRelay.Fault.resetAfter(8_000);
            case 4 -> FaultyRelay.Fault.DROP;
            default -> FaultyRelay.Fault.NONE;
        })) {
            OpenOptions io = OpenOptions.defaults().withRetry(new RetryPolicy(6, Duration.ofMillis(10),
                    Duration.ofMillis(500))).withHttp(HttpOptions.defaults().withProtocol(protocol));
            Cube cube = Cube.open(relay.uri("cube/" + Catalogs.STAC_FILE).toString(), ReadOptions.defaults().withIo(io));
            Extraction x = cube.extract(ExtractsThroughFaultsTest.QUERY);
            assertTrue(relay.faulted() >= 2 && relay.connections() > relay.faulted(),
                    relay.faulted() + " connections faulted of " + relay.connections());
            ExtractsThroughFaultsTest.assertSame(local, x);
        }
    }
}
