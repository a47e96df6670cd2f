package org.cogcube.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;

/**
 * The README's commands, extracted from its {@code ```sh} blocks (never copied here), run as a
 * user runs them: the front door's in a fresh folder, the Commands section's in a folder where the
 * demo has written {@code cogcube-demo/}. Rules (also stated in the README):
 * <ul>
 * <li>commands that serve until Ctrl+C run on a free port ({@code --port 0}), are checked to serve,
 *     then stopped with Ctrl+C (SIGINT), which must end them with exit code 130;</li>
 * <li>{@code http://127.0.0.1:8080/} means the demo cube served by {@code ./cogcube serve cogcube-demo},
 *     on whatever free port it got;</li>
 * <li>a command marked {@code # not run by tests: REASON} is not run;</li>
 * <li>every other command must exit with 0.</li>
 * </ul>
 */
class ReadmeTest {
    static final Duration START = Duration.ofMinutes(5);
    static final Duration STOP = Duration.ofSeconds(30);
    static final int CTRL_C = 128 + 2;

    @Test
    void frontDoorDemoServesTheCubeUntilCtrlC() throws Exception {
        List<ReadmeCommands.Command> commands = ReadmeCommands.inSection(Repository.README, "The two commands");
        List<ReadmeCommands.Command> demos = commands.stream().filter(ReadmeCommands.Command::serves).toList();
        assertEquals(1, demos.size(), "expected one serving demo command in the front door: " + commands);
        Path dir = Repository.workspace("front-door");
        try (ServerProcess demo = ServerProcess.start(dir, demos.get(0).onAFreePort())) {
            String out = demo.awaitServing(START);
            assertTrue(out.contains("52 acquisitions from 2018-01-02 to 2018-12-25"), out);
            assertTrue(out.contains("The field's NDVI"), out);
            String url = demo.url();
            HttpResponse<String> catalog = get(url + "catalog.json");
            assertEquals(200, catalog.statusCode());
            assertTrue(catalog.body().contains("\"FeatureCollection\"") && catalog.body().contains("2018-12-25"),
                    catalog.body().substring(0, Math.min(500, catalog.body().length())));
            String gdal = Gdal.output(Map.of(), Gdal.DEFAULT_TIMEOUT, "gdalinfo", "/vsicurl/" + url + "2018-01-02/B04.tif");
            assertTrue(gdal.contains("Size is 1024, 1024") && gdal.contains("LAYOUT=COG"), gdal);
            assertEquals(CTRL_C, demo.interrupt(STOP), demo.out() + demo.err());
            assertFalse(demo.err().contains("Exception"), demo.err());
        }
        assertTrue(Files.isRegularFile(dir.resolve("cogcube-demo/catalog.json")));
    }

    @Test
    void frontDoorTestCommandRunsWhatCiRuns() throws IOException {
        List<ReadmeCommands.Command> tests = ReadmeCommands.inSection(Repository.README, "The two commands").stream()
                .filter(c -> c.command().equals("./test")).toList();
        assertEquals(1, tests.size(), "expected ./test in the front door");
        Path test = Repository.ROOT.resolve("test");
        assertTrue(Files.isExecutable(test), test + " is not executable");
        // ./test itself runs these tests: check what it runs instead of running it.
        List<String> ci = Files.readAllLines(Repository.ROOT.resolve(".ci/run"));
        assertTrue(ci.stream().anyMatch(l -> l.strip().equals("./test")), "expected .ci/run to run ./test: " + ci);
        String script = Files.readString(test);
        assertTrue(script.contains("scripts/install-test-tools") && script.contains("mvn -B verify"), script);
    }

    @Test
    void commandsSectionRunsAgainstTheDemoCube() throws Exception {
        DemoWorkspace demo = DemoWorkspace.get();
        demo.run.orFail();
        List<ReadmeCommands.Command> commands = ReadmeCommands.inSection(Repository.README, "Commands");
        List<String> failures = new ArrayList<>();
        int ran = 0;
        try (ServerProcess served = ServerProcess.start(demo.dir, "./cogcube serve cogcube-demo --port 0")) {
            served.awaitServing(START);
            String url = served.url();
            for (ReadmeCommands.Command c : commands) {
                if (c.notRun().isPresent()) {
                    assertFalse(c.notRun().get().isEmpty(), c + ": say why it is not run");
                    continue;
                }
                ran++;
                String failure = c.serves() ? serve(demo.dir, c) : run(demo.dir, c, url);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
        assertTrue(ran >= 10, "expected the Commands section's examples to run, ran " + ran + " of " + commands);
    }

    private static String run(Path dir, ReadmeCommands.Command c, String servedDemo) {
        String command = c.command().replace("http://127.0.0.1:8080/", servedDemo);
        CommandResult r = Repository.shell(dir, START, command);
        return r.succeeded() ? null
                : c + "\n  exit code " + r.exitCode() + ", ran as: " + command + "\n  " + r.stderr().strip();
    }

    private static String serve(Path dir, ReadmeCommands.Command c) throws InterruptedException, IOException {
        try (ServerProcess server = ServerProcess.start(dir, c.onAFreePort())) {
            server.awaitServing(START);
            int status = get(server.url()).statusCode();
            if (status >= 500) {
                return c + "\n  answered " + server.url() + " with " + status;
            }
            int code = server.interrupt(STOP);
            return code == CTRL_C ? null : c + "\n  Ctrl+C ended it with exit code " + code + ":\n" + server.err();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
