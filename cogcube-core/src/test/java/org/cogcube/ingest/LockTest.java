package org.cogcube.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two ingests of one cube never run at once: the second fails clearly or waits. */
final class LockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondIngestFailsClearlyWithNoWait() {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        try (CubeLock held = CubeLock.acquire(cube, false)) {
            CubeBusyException e = assertThrows(CubeBusyException.class, () -> Ingest.run(cube, LandsatCube.DATE,
                    Map.of("B1", LandsatCube.bands().get("B1")), IngestOptions.defaults().withWaitForLock(false)));
            assertTrue(e.getMessage().contains("another ingest is updating"), e.getMessage());
        }
    }

    @Test
    void aSecondIngestWaitsForTheFirst() throws Exception {
        Path cube = LandsatCube.create(dir.resolve("cube"));
        CompletableFuture<Ingest.Result> waiting;
        try (CubeLock held = CubeLock.acquire(cube, false)) {
            waiting = CompletableFuture.supplyAsync(() -> Ingest.run(cube, LandsatCube.DATE,
                    Map.of("B1", LandsatCube.bands().get("B1")), IngestOptions.defaults()));
            Thread.sleep(500);
            assertFalse(waiting.isDone(), "it waits while the lock is held");
        }
        assertEquals(LandsatCube.DATE, waiting.get(2, TimeUnit.MINUTES).date());
    }
}
