package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text files under src/test/resources/catalog. A mismatch writes the actual text to
 * target/golden-actual/ and fails naming both files, so the difference can be read with diff and,
 * when intended, the actual file copied over the golden one.
 */
final class Golden {
    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        String expected;
        try (InputStream in = Golden.class.getResourceAsStream("/catalog/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (actual.equals(expected)) {
            return;
        }
        Path out = Path.of("target", "golden-actual", name).toAbsolutePath();
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fail((expected == null ? "no golden file " : "output differs from the golden file ")
                + "src/test/resources/catalog/" + name + "; actual output written to " + out
                + " (diff them; copy it over the golden file if the change is intended)");
    }
}
