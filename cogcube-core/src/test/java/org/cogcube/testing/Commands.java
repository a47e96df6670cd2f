package org.cogcube.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion or to its deadline. Output goes to temporary files rather
 * than pipes, so a command that prints a lot can never block on a full pipe.
 */
final class Commands {

    /** Variables removed from every child's environment: they would point Debian's python elsewhere. */
    private static final List<String> UNSET = List.of("PYTHONHOME", "PYTHONPATH");

    private Commands() {
    }

    /**
     * Runs {@code command} with the current environment plus {@code env}, killing it (and its
     * children) when it outlives {@code timeout}.
     */
    static CommandResult execute(Map<String, String> env, Duration timeout, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("cogcube-cmd-", ".out");
            err = Files.createTempFile("cogcube-cmd-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            UNSET.forEach(builder.environment()::remove);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("command timed out after " + timeout.toMillis() + " ms: "
                        + String.join(" ", command) + "\n--- stderr so far ---\n" + read(err).strip());
            }
            return new CommandResult(command, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is not worth failing a test for
            }
        }
    }
}
