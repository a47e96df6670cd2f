package org.cogcube.testing;

import java.util.List;

/**
 * What one finished external command left: its exit code and everything it printed.
 *
 * @param command the command line as run
 * @param exitCode the process's exit status (0 is success)
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Fails, naming the command, its exit code and its standard error, unless it succeeded. */
    public CommandResult orFail() {
        if (!succeeded()) {
            throw new AssertionError("command failed with exit code " + exitCode + ": "
                    + String.join(" ", command) + "\n--- stderr ---\n" + stderr.strip()
                    + (stdout.isBlank() ? "" : "\n--- stdout ---\n" + tail(stdout)));
        }
        return this;
    }

    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() <= 4000 ? stripped : "..." + stripped.substring(stripped.length() - 4000);
    }
}
