package org.cogcube.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of README.md, as written: the lines of the {@code ```sh} blocks of one
 * section ({@code ## Title} up to the next {@code ## }), continuation lines joined.
 */
final class ReadmeCommands {
    /** The marker that keeps a command from being run, followed by why (a certificate, a real host...). */
    static final String NOT_RUN = "# not run by tests:";
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#\\s.*$");

    private ReadmeCommands() {
    }

    /**
     * One command.
     *
     * @param line the README line it starts on (1-based)
     * @param text the command, continuation lines joined, its trailing comment included
     */
    record Command(int line, String text) {
        /** Why the README says not to run it, if it does. */
        Optional<String> notRun() {
            int at = text.indexOf(NOT_RUN);
            return at < 0 ? Optional.empty() : Optional.of(text.substring(at + NOT_RUN.length()).strip());
        }

        /** The command without its trailing comment. */
        String command() {
            return TRAILING_COMMENT.matcher(text).replaceFirst("").strip();
        }

        /** Whether it serves until Ctrl+C: {@code cogcube serve}, or {@code cogcube demo} without --no-serve. */
        boolean serves() {
            String c = command();
            return c.matches("\\./cogcube (serve|demo)\\b.*") && !c.contains("--no-serve");
        }

        /** The command on a free port: its {@code --port N} replaced by, or given, {@code --port 0}. */
        String onAFreePort() {
            Matcher m = Pattern.compile("--port \\d+").matcher(command());
            return m.find() ? m.replaceFirst("--port 0") : command() + " --port 0";
        }

        @Override
        public String toString() {
            return "README.md:" + line + ": " + text;
        }
    }

    static List<Command> inSection(Path readme, String title) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + readme, e);
        }
        int start = lines.indexOf("## " + title);
        if (start < 0) {
            throw new AssertionError(readme + " has no section '## " + title + "'");
        }
        List<Command> commands = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (!inBlock) {
                inBlock = line.strip().equals("```sh");
                continue;
            }
            if (line.strip().equals("```")) {
                inBlock = false;
                continue;
            }
            String stripped = line.strip();
            if (pending == null) {
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                pending = new StringBuilder();
                pendingLine = i + 1;
            }
            if (stripped.endsWith("\\")) {
                pending.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                pending.append(stripped);
                commands.add(new Command(pendingLine, pending.toString().replaceAll("\\s+", " ")));
                pending = null;
            }
        }
        return commands;
    }
}
