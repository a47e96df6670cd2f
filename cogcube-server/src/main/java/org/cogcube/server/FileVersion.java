package org.cogcube.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One version of a file, open: the channel that reads it, and the validators that name it.
 *
 * <p>Ingest replaces a file by writing a new one and renaming it over the old: the name then points
 * at another file (another inode), while a channel already open keeps reading the old one to its
 * end. So a response read wholly through one channel is wholly one version, and the ETag must name
 * the file the channel reads, not whatever the name points at later. The file is looked up before
 * and after opening: if both looks find the same identity, size and modification time, the channel
 * reads that file, and the ETag is made of those three (a renamed-in replacement always differs in
 * identity). If ingest raced the open, it is tried again.
 *
 * <p>Files rewritten in place (not renamed) cannot be served consistently by any server; a read
 * that finds the file shorter than when opened fails the response rather than sending a mix.
 *
 * <p>An object of this class is one <em>reference</em> to an open version: {@link #share()} makes
 * another reference to the same channel (for {@link OpenFiles}, which keeps versions open between
 * responses), and the channel closes when the last reference is closed. Closing a reference twice
 * counts once.
 */
final class FileVersion implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    final Path path;
    final FileChannel channel;
    final long size;
    final long lastModifiedMillis;
    /** The strong entity tag, quotes included. */
    final String etag;
    /** What the file was when opened: the channel reads that file whatever the path names later. */
    final Identity identity;
    /** How many references to the channel are not closed yet, shared by all of them. */
    private final AtomicInteger references;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileVersion(Path path, FileChannel channel, Identity identity, AtomicInteger references) {
        this.path = path;
        this.channel = channel;
        this.identity = identity;
        this.size = identity.size;
        this.lastModifiedMillis = identity.mtimeNanos / 1_000_000;
        this.etag = identity.etag();
        this.references = references;
    }

    private FileVersion(FileVersion shared) {
        this.path = shared.path;
        this.channel = shared.channel;
        this.identity = shared.identity;
        this.size = shared.size;
        this.lastModifiedMillis = shared.lastModifiedMillis;
        this.etag = shared.etag;
        this.references = shared.references;
    }

    /** Opens the file at {@code path} (a real path) and names the version opened. */
    static FileVersion open(Path path) throws IOException {
        return open(path, Identity.of(path));
    }

    /**
     * Opens the file at {@code path}, which {@code before} describes as looked up just now (so that
     * a caller who looked it up to tell a folder from a file saves a look-up).
     */
    static FileVersion open(Path path, Identity before) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                before = Identity.of(path);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            boolean kept = false;
            try {
                Identity after = Identity.of(path);
                if (before.equals(after) && channel.size() == after.size) {
                    kept = true;
                    return new FileVersion(path, channel, after, new AtomicInteger(1));
                }
            } finally {
                if (!kept) {
                    channel.close();
                }
            }
        }
        throw new IOException(path + " kept changing while being opened (" + ATTEMPTS + " attempts)");
    }

    /**
     * Another reference to the same open channel, to close on its own; null when every reference
     * was closed already (the channel with them).
     */
    FileVersion share() {
        int n;
        do {
            n = references.get();
            if (n == 0) {
                return null;
            }
        } while (!references.compareAndSet(n, n + 1));
        return new FileVersion(this);
    }

    /** Closes this reference, and the channel with the last one. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && references.decrementAndGet() == 0) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only channel has nothing to flush
            }
        }
    }

    /**
     * What tells two files, or two versions of one file, apart: the file's identity on disk (the
     * JDK's file key: device and inode on Unix), its size and its modification time in nanoseconds.
     */
    record Identity(Object fileKey, boolean directory, long size, long mtimeNanos) {

        /** Looks the file up (one {@code stat}, links not followed: the path is a real path). */
        static Identity of(Path path) throws IOException {
            return of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        }

        /** What a look-up of the file found. */
        static Identity of(BasicFileAttributes a) {
            return new Identity(a.fileKey(), a.isDirectory(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }

        /** A strong ETag: identity, size and modification time in hex, e.g. {@code "1f2a-3e8-17c0d..."}. */
        String etag() {
            return "\"" + Integer.toHexString(Objects.hashCode(fileKey)) + "-" + Long.toHexString(size) + "-"
                    + Long.toHexString(mtimeNanos) + "\"";
        }
    }
}
