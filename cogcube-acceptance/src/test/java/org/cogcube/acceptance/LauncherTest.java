package org.cogcube.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cogcube.testing.CommandResult;
import org.junit.jupiter.api.Test;

/** {@code ./cogcube} records its class-data-sharing archive once, even when launched several times at once. */
class LauncherTest {
    static final Path TARGET = Repository.ROOT.resolve("cogcube-cli/target");
    static final Path ARCHIVE = TARGET.resolve("cogcube.jsa");

    @Test
    void concurrentFirstRunsLeaveOneWholeArchiveAndAllSucceed() throws IOException {
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(TARGET.resolve("cogcube.jsa.unavailable"));
        Path dir = Repository.workspace("launcher");
        List<CompletableFuture<CommandResult>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> Repository.shell(dir, Duration.ofMinutes(2), "./cogcube --version")));
        }
        for (CompletableFuture<CommandResult> run : runs) {
            CommandResult r = run.join().orFail();
            assertEquals("cogcube (development build)", r.stdout().strip(), r.stdout() + r.stderr());
            assertEquals("", r.stderr());
        }
        assertTrue(Files.isRegularFile(ARCHIVE), "expected " + ARCHIVE + " after the first runs");
        try (var files = Files.list(TARGET)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList(),
                    "half-written archives left behind");
        }
        // the archive maps: a run with it required (-Xshare:on fails otherwise) succeeds, and it holds
        // the command line's parser too (built from source for this: its jar's Java 5 classes cannot be archived)
        CommandResult mapped = Repository.shell(dir, Duration.ofMinutes(1), "java -Xshare:on -XX:SharedArchiveFile="
                + ARCHIVE + " -Xlog:class+load=info -jar " + TARGET.resolve("cogcube.jar") + " --version").orFail();
        assertTrue(mapped.stdout().contains("picocli.CommandLine source: shared objects file"),
                "picocli's classes are not in the archive:\n" + mapped.stdout().lines()
                        .filter(l -> l.contains("picocli.CommandLine ")).findFirst().orElse("(not loaded)"));
        CommandResult again = Repository.shell(dir, Duration.ofMinutes(1), "./cogcube --version").orFail();
        assertEquals("cogcube (development build)", again.stdout().strip());
    }
}
