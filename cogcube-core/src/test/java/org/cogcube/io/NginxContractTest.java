package org.cogcube.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract run against readers of files served by a real nginx on loopback; a subclass says
 * how nginx listens and how the reader is made. One nginx serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NginxContractTest extends RangeReaderContractTest {
    private final AtomicInteger files = new AtomicInteger();
    private Path root;
    NginxServer nginx;

    /** How nginx listens. */
    abstract NginxServer.Mode mode();

    /** A reader of the served file at {@code name}. */
    abstract RangeReader open(NginxServer nginx, String name);

    @BeforeAll
    void startNginx() throws Exception {
        assumeTrue(NginxServer.available(), "nginx is not installed (scripts/install-test-tools installs it)");
        root = Files.createTempDirectory("cogcube-served-");
        nginx = NginxServer.start(root, mode());
    }

    @AfterAll
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
        if (root != null) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    @Override
    protected RangeReader create(byte[] content) throws Exception {
        String name = "source-" + files.incrementAndGet() + ".bin";
        Files.write(root.resolve(name), content);
        return open(nginx, name);
    }

    /** Writes a served file and returns its name. */
    String serve(String name, byte[] content) throws Exception {
        Files.write(root.resolve(name), content);
        return name;
    }
}
