package org.cogcube.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command that serves until Ctrl+C ({@code ./cogcube serve}, {@code ./cogcube demo}), run with
 * bash in a workspace as a user runs it in a terminal, and stopped the way Ctrl+C stops it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("https?://127\\.0\\.0\\.1:\\d+/");
    /**
     * A terminal runs a command with SIGINT at its default; a process started in the background
     * (as CI and Maven may start this JVM) inherits SIGINT ignored, and a JVM that starts with it
     * ignored never sees Ctrl+C. Restore the default before running the command line.
     */
    private static final String AS_IN_A_TERMINAL =
            "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp('bash', ['bash', '-c', sys.argv[1]])";

    private final Process process;
    private final Path out;
    private final Path err;
    final String commandLine;

    private ServerProcess(Process process, Path out, Path err, String commandLine) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.commandLine = commandLine;
    }

    static ServerProcess start(Path dir, String commandLine) {
        try {
            Path out = Files.createTempFile(dir, "server-", ".out");
            Path err = Files.createTempFile(dir, "server-", ".err");
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", AS_IN_A_TERMINAL, commandLine)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ServerProcess(p, out, err, commandLine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + commandLine + " in " + dir, e);
        }
    }

    /** Waits until the command says it serves ("Press Ctrl+C"); fails if it ends or times out first. */
    String awaitServing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!out().contains("Press Ctrl+C")) {
            if (!process.isAlive()) {
                throw new AssertionError("'" + commandLine + "' ended with exit code " + process.exitValue()
                        + " before serving:\n" + out() + "\n--- stderr ---\n" + err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + commandLine + "' did not start serving within " + timeout + ":\n"
                        + out() + "\n--- stderr ---\n" + err());
            }
            Thread.sleep(100);
        }
        return out();
    }

    /** The root URL the command printed. */
    String url() {
        Matcher m = URL.matcher(out());
        if (!m.find()) {
            throw new AssertionError("'" + commandLine + "' printed no http://127.0.0.1:PORT/ URL:\n" + out());
        }
        return m.group();
    }

    /** Ctrl+C: SIGINT to the command and everything it started (a terminal signals the whole job); its exit code. */
    int interrupt(Duration timeout) throws InterruptedException {
        List<String> kill = new ArrayList<>(List.of("kill", "-INT", String.valueOf(process.pid())));
        process.descendants().forEach(d -> kill.add(String.valueOf(d.pid())));
        try {
            new ProcessBuilder(kill).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + kill, e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("'" + commandLine + "' still runs " + timeout + " after Ctrl+C:\n" + out());
        }
        return process.exitValue();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
