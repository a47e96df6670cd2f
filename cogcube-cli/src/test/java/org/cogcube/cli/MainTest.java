package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: cogcube"), out.toString());
        assertTrue(out.toString().contains("Commands:"), out.toString());
    }

    @Test
    void opensConnectionsAheadOnlyForTheUrlsOfReadingCommands() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String catalog = "http://127.0.0.1:" + server.getLocalPort() + "/catalog.json";
            for (String[] args : new String[][] {{}, {"--version"}, {"--verbose"}, {"info", catalog},
                    {"extract", "https://[bad/catalog.json", "--roi=http://[bad"}}) {
                Main.preconnect(args); // nothing to open, and never a failure
            }
            server.setSoTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, server::accept, "info opens nothing ahead");
            Main.preconnect(new String[] {"--verbose", "extract", catalog, "--bands", "B04", "--roi", "f.geojson"});
            server.setSoTimeout(10_000);
            server.accept().close();
            server.accept().close(); // the catalogue's request and its early cut's
        }
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuiltAndEveryOtherArgumentListBuildsThemAll() {
        assertEquals(java.util.Set.of("extract"),
                Main.commandLine(new String[] {"extract", "--help"}).getSubcommands().keySet());
        assertEquals(java.util.Set.of("info"),
                Main.commandLine(new String[] {"--verbose", "info", "x.tif"}).getSubcommands().keySet());
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "extract"}, {"extrct", "x"}}) {
            var names = Main.commandLine(args).getSubcommands().keySet();
            assertTrue(names.containsAll(java.util.List.of("create", "ingest", "info", "cog", "extract", "stats",
                    "serve", "demo", "help")), String.join(" ", args) + ": " + names);
        }
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine(new String[] {"help", "extract"});
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("help", "extract"));
        assertTrue(out.toString().contains("Usage: cogcube extract"), out.toString());
    }
}
