package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions kept open between responses are used only while the path names them, and closed when unused. */
class OpenFilesTest {
    @TempDir
    Path root;
    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("open-files-test", true);
    private OpenFiles files;

    @BeforeEach
    void start() throws Exception {
        scheduler.start();
        files = new OpenFiles(scheduler, 2);
        files.start();
    }

    @AfterEach
    void stop() throws Exception {
        files.stop();
        scheduler.stop();
    }

    @Test
    void theSameVersionAskedAgainIsReadThroughTheKeptChannel() throws Exception {
        Path file = write("B04.tif", "first");
        FileVersion a = open(file);
        FileVersion b = open(file);
        assertSame(a.channel, b.channel);
        assertEquals(a.etag, b.etag);
        a.close();
        b.close();
        assertTrue(a.channel.isOpen(), "the kept reference keeps the channel open after the responses");
        assertEquals(1, files.size());
    }

    @Test
    void aReplacedFileIsOpenedAnewAndTheOldChannelClosesAfterItsLastResponse() throws Exception {
        Path file = write("B04.tif", "first");
        FileVersion old = open(file);
        replace(file, "second version");
        FileVersion fresh = open(file);
        assertNotSame(old.channel, fresh.channel);
        assertEquals("second version", read(fresh));
        assertEquals("first", read(old), "a response under way keeps reading the version it started with");
        assertTrue(old.channel.isOpen());
        old.close();
        assertFalse(old.channel.isOpen(), "no longer kept and no response left: closed");
        fresh.close();
        assertTrue(fresh.channel.isOpen());
    }

    @Test
    void aVersionUnusedForOneSweepIntervalIsClosed() throws Exception {
        Path file = write("B04.tif", "first");
        FileVersion a = open(file);
        a.close();
        files.sweep(); // used since the previous sweep: kept
        assertTrue(a.channel.isOpen());
        Files.delete(file);
        files.sweep(); // unused for a whole interval: closed, so a deleted file frees its space
        assertFalse(a.channel.isOpen());
        assertEquals(0, files.size());
    }

    @Test
    void aResponseUnderWayKeepsItsChannelThroughASweep() throws Exception {
        Path file = write("B04.tif", "first");
        FileVersion a = open(file);
        files.sweep();
        files.sweep();
        assertEquals(0, files.size());
        assertEquals("first", read(a));
        a.close();
        assertFalse(a.channel.isOpen());
    }

    @Test
    void beyondTheCapacityResponsesOpenAndCloseTheirOwn() throws Exception {
        for (String name : new String[] {"a.tif", "b.tif"}) {
            open(write(name, name)).close();
        }
        FileVersion third = open(write("c.tif", "c"));
        assertEquals(2, files.size());
        third.close();
        assertFalse(third.channel.isOpen());
    }

    @Test
    void closingAReferenceTwiceCountsOnce() throws Exception {
        Path file = write("B04.tif", "first");
        FileVersion a = open(file);
        a.close();
        a.close();
        FileVersion b = open(file);
        assertEquals("first", read(b), "the kept reference was not closed by the second close");
        b.close();
    }

    @Test
    void stoppingClosesEveryKeptVersion() throws Exception {
        FileVersion a = open(write("B04.tif", "first"));
        a.close();
        files.stop();
        assertFalse(a.channel.isOpen());
    }

    private FileVersion open(Path file) throws Exception {
        Path real = file.toRealPath();
        return files.open(real, FileVersion.Identity.of(real));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(root.resolve(name), text);
    }

    private void replace(Path file, String text) throws Exception {
        Path temporary = Files.writeString(root.resolve(".part"), text);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String read(FileVersion version) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate((int) version.size);
        version.channel.read(buffer, 0);
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }
}
