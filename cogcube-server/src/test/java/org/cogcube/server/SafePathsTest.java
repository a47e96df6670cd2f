package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {

    @TempDir
    Path dir;
    Path root;
    Path outside;
    SafePaths paths;

    @BeforeEach
    void makeTree() throws IOException {
        root = Files.createDirectories(dir.resolve("cube"));
        outside = Files.createDirectories(dir.resolve("secret"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Files.writeString(root.resolve("a.tif"), "a");
        Files.createDirectories(root.resolve("2018-01-02"));
        Files.writeString(root.resolve("2018-01-02/B04.tif"), "b");
        Files.writeString(root.resolve("with space.tif"), "s");
        Files.writeString(root.resolve(".hidden"), "h");
        Files.createDirectories(root.resolve("sub/.git"));
        Files.writeString(root.resolve("sub/.git/config"), "g");
        Files.createSymbolicLink(root.resolve("inside.tif"), root.resolve("2018-01-02/B04.tif"));
        Files.createSymbolicLink(root.resolve("relative.tif"), Path.of("a.tif"));
        Files.createSymbolicLink(root.resolve("out.txt"), outside.resolve("passwd"));
        Files.createSymbolicLink(root.resolve("outdir"), outside);
        Files.createSymbolicLink(root.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("latest"), Path.of("2018-01-02"));
        Files.createSymbolicLink(root.resolve("shown.txt"), root.resolve(".hidden"));
        paths = new SafePaths(root);
    }

    @ParameterizedTest
    @CsvSource({
        "/a.tif, a.tif",
        "/2018-01-02/B04.tif, 2018-01-02/B04.tif",
        "/with%20space.tif, with space.tif",
        "/2018%2D01%2D02/B04.tif, 2018-01-02/B04.tif",
        "/inside.tif, 2018-01-02/B04.tif",
        "/relative.tif, a.tif",
        "/latest/B04.tif, 2018-01-02/B04.tif",
        "/2018-01-02/, 2018-01-02",
        "/, ''"})
    void servesFilesAndLinksThatStayInside(String request, String expected) throws Exception {
        Path real = root.toRealPath().resolve(expected);
        assertEquals(real, paths.resolve(request));
        SafePaths.Found found = paths.find(request);
        assertEquals(real, found.path(), "looked up name by name, links resolved where there are any");
        assertEquals(FileVersion.Identity.of(real), found.identity());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret/passwd", "/%2e%2e/secret/passwd", "/%2E%2E/secret/passwd", "/./a.tif", "/sub/../a.tif",
        "/..%2fsecret%2fpasswd", "/..%5csecret%5cpasswd", "/..\\secret\\passwd", "/%252e%252e/secret/passwd",
        "/a.tif%00.json", "/a.tif%0a", "/%", "/%zz", "/%c0%ae%c0%ae/secret", "//a.tif", "a.tif", "", "/caf\u00e9.tif"})
    void refusesMalformedAndTraversingPathsAsBadRequests(String request) {
        SafePaths.Refused refused = assertThrows(SafePaths.Refused.class, () -> paths.resolve(request));
        assertEquals(400, refused.status, refused.getMessage());
        SafePaths.Refused alsoRefused = assertThrows(SafePaths.Refused.class, () -> paths.find(request));
        assertEquals(400, alsoRefused.status, alsoRefused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.hidden", "/sub/.git/config", "/%2ehidden", "/out.txt", "/outdir/passwd", "/up/secret/passwd",
        "/shown.txt", "/absent.tif", "/a.tif/more"})
    void hidesHiddenMissingAndEscapingFilesAsNotFound(String request) {
        SafePaths.Refused refused = assertThrows(SafePaths.Refused.class, () -> paths.resolve(request));
        assertEquals(404, refused.status, refused.getMessage());
        SafePaths.Refused alsoRefused = assertThrows(SafePaths.Refused.class, () -> paths.find(request));
        assertEquals(404, alsoRefused.status, alsoRefused.getMessage());
    }

    @Test
    void listsOnlyWhatItWouldServe() throws Exception {
        assertEquals(true, paths.servable(root.resolve("inside.tif")));
        assertEquals(false, paths.servable(root.resolve("out.txt")));
        assertEquals(false, paths.servable(root.resolve("outdir")));
        assertEquals(false, paths.servable(root.resolve("shown.txt")));
    }
}
