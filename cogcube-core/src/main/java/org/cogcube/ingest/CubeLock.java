package org.cogcube.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cogcube.CogcubeException;

/**
 * The lock that keeps two ingests of a cube apart: an OS file lock on {@code <cube>/}{@value #FILE}
 * (released by the OS when the process dies, so a killed ingest never leaves the cube locked).
 */
final class CubeLock implements AutoCloseable {
    static final String FILE = ".lock";
    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private CubeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock; waits for it when {@code wait}, else fails at once with
     * {@link CubeBusyException} when another ingest holds it.
     */
    static CubeLock acquire(Path cube, boolean wait) {
        Path file = cube.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new CubeLock(channel, lock);
                }
                if (!wait) {
                    throw new CubeBusyException("another ingest is updating " + cube + " (it holds " + file
                            + "); try again later, or leave out --no-wait to wait for it");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            close(channel);
            throw new CogcubeException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            close(channel);
            Thread.currentThread().interrupt();
            throw new CogcubeException("interrupted while waiting for the lock on " + file, e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /** The lock, or null when another process (or another ingest in this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
