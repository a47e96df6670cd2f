package org.cogcube.cli;

import org.cogcube.CogcubeException;
import picocli.CommandLine;

/**
 * Turns a failure of a command into one line on standard error and exit code 1; with
 * {@code --verbose}, the stack trace too.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** A usage error: the message and where to read the command's options, not the whole usage. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("cogcube: " + e.getMessage());
        String name = cl.getCommandSpec().qualifiedName();
        cl.getErr().println("Run '" + name + " --help' for its options.");
        cl.getErr().flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
        String message = e instanceof CogcubeException || e instanceof IllegalArgumentException
                ? e.getMessage() : e.toString();
        cl.getErr().println("cogcube: " + message);
        if (verbose) {
            e.printStackTrace(cl.getErr());
        } else if (!(e instanceof CogcubeException || e instanceof IllegalArgumentException)) {
            cl.getErr().println("cogcube: this looks like a bug; run again with --verbose and report the trace");
        }
        cl.getErr().flush();
        return FAILED;
    }
}
