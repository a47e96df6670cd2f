package org.cogcube.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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

    /** The commands, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("create", CreateCommand::new);
        m.put("ingest", IngestCommand::new);
        m.put("info", InfoCommand::new);
        m.put("cog", CogCommand::new);
        m.put("extract", ExtractCommand::new);
        m.put("stats", StatsCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("train-startup", StartupTraining::new);
        return m;
    }

    /** Builds the command line with every command and its error handlers; tests use this to run commands in-process. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * Builds the command line for {@code args}: with only the command they name when they name one
     * (picocli reads each command's annotations by reflection when it is added, a tenth of a second
     * for all of them, which a short extract should not pay), else with all of them (usage, help,
     * suggestions for a mistyped name).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String asked = args == null ? null : commandName(args);
        boolean one = asked != null && COMMANDS.containsKey(asked);
        for (Map.Entry<String, Supplier<Object>> e : COMMANDS.entrySet()) {
            if (!one || e.getKey().equals(asked)) {
                cl.addSubcommand(e.getKey(), e.getValue().get());
            }
        }
        if (!one) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
        for (CommandLine command : cl.getSubcommands().values()) {
            HelpText.paragraphs(command.getCommandSpec().usageMessage());
        }
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(Failures::usageError);
        return cl;
    }

    /** The first argument that is not an option of cogcube itself (which take no values), or null. */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** The commands that read over the network the URLs they are given, first thing. */
    private static final java.util.Set<String> READING = java.util.Set.of("extract", "stats");

    /**
     * Starts opening connections to the origins of {@code args}' http(s) URLs (TLS handshakes
     * included) when they name a command that reads them, before picocli has built the command (a
     * tenth of a second of a cold JVM that the handshake, and its own start, can use); the
     * command's first requests then find the connections open.
     */
    static void preconnect(String[] args) {
        String command = commandName(args);
        if (command == null || !READING.contains(command)) {
            return;
        }
        for (String a : args) { // anything but an http(s) URL is nothing to preconnect
            String value = a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
            org.cogcube.io.RangeReaders.preconnect(value, org.cogcube.io.OpenOptions.defaults());
        }
    }

    public static void main(String[] args) {
        preconnect(args);
        int code = commandLine(args).execute(args);
        // Connections' reading threads would hold the JVM's exit for 0.3 s (see closeConnections).
        org.cogcube.io.RangeReaders.closeConnections();
        System.exit(code);
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
