package org.cogcube.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;

/** The cloned repository the tests stand in: its launcher and README, and workspaces to run commands in. */
final class Repository {
    /** Surefire runs in the module's folder, one below the repository's root. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("cogcube");
    static final Path README = ROOT.resolve("README.md");

    private Repository() {
    }

    /** A fresh folder under target/ with a {@code ./cogcube} link to the launcher, as in a user's clone. */
    static Path workspace(String name) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                    name + "-");
            Files.createSymbolicLink(dir.resolve("cogcube"), LAUNCHER);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a workspace " + name + " under target/", e);
        }
    }

    /** Runs a shell command line in {@code dir} with bash, to its end or its deadline. */
    static CommandResult shell(Path dir, Duration timeout, String commandLine) {
        return Gdal.execute(Map.of(), timeout, "bash", "-c", "cd '" + dir + "' && " + commandLine);
    }
}
