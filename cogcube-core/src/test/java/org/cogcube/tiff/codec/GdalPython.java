package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the test's Python scripts against the real GDAL (Debian's python3-gdal, installed
 * by scripts/install-test-tools), with a time limit; fails the test with GDAL's stderr when the
 * script fails.
 */
final class GdalPython {
    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 60;

    private GdalPython() {
    }

    /** Runs the script {@code /codec/<script>} from the test resources; returns its stdout. */
    static String run(Path workDir, String script, String... args) throws IOException, InterruptedException {
        Path scriptFile = workDir.resolve(script);
        try (InputStream in = GdalPython.class.getResourceAsStream("/codec/" + script)) {
            if (in == null) {
                fail("test resource /codec/" + script + " is missing");
            }
            Files.copy(in, scriptFile);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, scriptFile.toString()));
        command.addAll(List.of(args));
        Path stdout = workDir.resolve(script + ".out");
        Path stderr = workDir.resolve(script + ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            return fail("cannot run " + PYTHON + " (GDAL's Python bindings are the test oracle; install them with"
                    + " scripts/install-test-tools): " + e.getMessage());
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not finish within " + TIMEOUT_SECONDS + " s; stderr: " + read(stderr));
        }
        if (process.exitValue() != 0) {
            fail(script + " failed with exit code " + process.exitValue() + " (is python3-gdal installed? see"
                    + " scripts/install-test-tools); stderr:\n" + read(stderr));
        }
        return read(stdout);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
