package org.cogcube.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The entry point of the runnable jar. */
@Command(name = "cogcube",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Publish and use Earth-observation data cubes made of Cloud Optimized GeoTIFFs.",
            "",
            "A cube is a folder of COGs (one per date and layer) and a JSON catalogue;",
            "any HTTP server can serve it, and cogcube reads only the tiles it needs."},
        subcommands = {CreateCommand.class, IngestCommand.class, InfoCommand.class, CogCommand.class,
            ExtractCommand.class, StatsCommand.class, ServeCommand.class, DemoCommand.class, StartupTraining.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'cogcube help COMMAND' for the options of one command.",
            "Exit codes: 0 success, 1 the work failed, 2 usage error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, print the full stack trace as well as the message.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with its error handlers; tests use this to run commands in-process. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(Failures::usageError);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reports the version packaged in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"cogcube " + (v == null ? "(development build)" : v)};
        }
    }
}
