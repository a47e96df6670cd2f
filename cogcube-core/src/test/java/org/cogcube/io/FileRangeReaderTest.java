package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.SourceChangedException;
import org.cogcube.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRangeReaderTest extends RangeReaderContractTest {
    @TempDir
    Path dir;
    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected RangeReader create(byte[] content) throws Exception {
        Path file = dir.resolve("source-" + files.incrementAndGet() + ".bin");
        Files.write(file, content);
        return FileRangeReader.open(file);
    }

    @Test
    void namesAMissingFile() {
        Path missing = dir.resolve("missing.tif");
        SourceException e = assertThrows(SourceException.class, () -> FileRangeReader.open(missing));
        assertEquals(missing.toString(), e.location());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void refusesADirectory() {
        SourceException e = assertThrows(SourceException.class, () -> FileRangeReader.open(dir));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("found a directory"), e.getMessage());
    }

    @Test
    void namesAnUnreadableFile() throws Exception {
        Path file = dir.resolve("secret.tif");
        Files.write(file, bytes(10, 1));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "the file stays readable (running as root)");
        SourceException e = assertThrows(SourceException.class, () -> FileRangeReader.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("permission denied"),
                e.getMessage());
    }

    @Test
    void versionIsSizeAndModificationTime() throws Exception {
        Path file = dir.resolve("v.bin");
        Files.write(file, bytes(1234, 2));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-05-06T07:08:09Z")));
        try (FileRangeReader reader = FileRangeReader.open(file)) {
            String version = await(reader.version()).orElseThrow();
            assertTrue(version.startsWith("size 1234, modified 2024-05-06T07:08:09Z"), version);
        }
    }

    @Test
    void failsWhenTheFileIsRewrittenBetweenReads() throws Exception {
        Path file = dir.resolve("rewritten.bin");
        Files.write(file, bytes(1000, 3));
        try (FileRangeReader reader = FileRangeReader.open(file)) {
            await(reader.read(ByteRange.of(0, 10)));
            Files.write(file, bytes(2000, 4));
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
            SourceException e = failure(reader.read(List.of(ByteRange.of(0, 10))));
            assertInstanceOf(SourceChangedException.class, e);
            assertTrue(e.getMessage().contains("size 1000") && e.getMessage().contains("size 2000"), e.getMessage());
        }
    }

    @Test
    void failsWhenTheFileIsReplacedBetweenReads() throws Exception {
        Path file = dir.resolve("replaced.bin");
        Files.write(file, bytes(1000, 5));
        FileTime time = Files.getLastModifiedTime(file);
        try (FileRangeReader reader = FileRangeReader.open(file)) {
            Path other = dir.resolve("other.bin");
            Files.write(other, bytes(1000, 6));
            Files.setLastModifiedTime(other, time); // same size and time: only the file's identity differs
            Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertInstanceOf(SourceChangedException.class, failure(reader.read(List.of(ByteRange.of(0, 10)))));
        }
    }

    @Test
    void failsWhenTheFileIsDeletedBetweenReads() throws Exception {
        Path file = dir.resolve("deleted.bin");
        Files.write(file, bytes(100, 7));
        try (FileRangeReader reader = FileRangeReader.open(file)) {
            Files.delete(file);
            SourceException e = failure(reader.read(List.of(ByteRange.of(0, 10))));
            assertInstanceOf(SourceChangedException.class, e);
            assertTrue(e.getMessage().contains("no file"), e.getMessage());
        }
    }

    @Test
    void failsReadsAfterClose() throws Exception {
        Path file = dir.resolve("closed.bin");
        Files.write(file, bytes(100, 8));
        FileRangeReader reader = FileRangeReader.open(file);
        reader.close();
        SourceException e = failure(reader.read(List.of(ByteRange.of(0, 10))));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
