package org.cogcube.acceptance;

import java.nio.file.Path;
import java.time.Duration;
import org.cogcube.testing.CommandResult;

/**
 * One workspace where {@code ./cogcube demo --no-serve} has run, shared by the tests that need a
 * demo cube (writing it takes half a minute or more).
 */
final class DemoWorkspace {
    private static DemoWorkspace shared;

    final Path dir;
    final CommandResult run;

    private DemoWorkspace(Path dir, CommandResult run) {
        this.dir = dir;
        this.run = run;
    }

    static synchronized DemoWorkspace get() {
        if (shared == null) {
            Path dir = Repository.workspace("demo");
            shared = new DemoWorkspace(dir, Repository.shell(dir, Duration.ofMinutes(5), "./cogcube demo --no-serve"));
        }
        return shared;
    }

    Path cube() {
        return dir.resolve("cogcube-demo");
    }
}
