package org.cogcube.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.cogcube.SourceChangedException;
import org.cogcube.SourceException;

/**
 * Reads ranges of a local file with positional reads, each on a shared executor so that callers
 * only see futures. The file's version is its size and modification time (and its identity on
 * disk, where the file system has one): every call checks them, so a file rewritten or replaced
 * after opening fails with {@link SourceChangedException} instead of mixing two files' bytes.
 */
public final class FileRangeReader implements RangeReader {
    private final Path path;
    private final String location;
    private final FileChannel channel;
    private final Executor executor;
    private final String version;
    private final long size;

    private FileRangeReader(Path path, FileChannel channel, Executor executor, String version, long size) {
        this.path = path;
        this.location = path.toString();
        this.channel = channel;
        this.executor = executor;
        this.version = version;
        this.size = size;
    }

    /** Opens {@code path} for reading on the shared file-read threads; fails with a clear {@link SourceException}. */
    public static FileRangeReader open(Path path) {
        return open(path, IoThreads.files());
    }

    /** Opens {@code path}, running its blocking reads on {@code executor}. */
    public static FileRangeReader open(Path path, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        String location = path.toString();
        BasicFileAttributes attributes = attributes(path, location);
        if (attributes.isDirectory()) {
            throw new SourceException(location, null, "expected a regular file, found a directory", null);
        }
        if (!attributes.isRegularFile()) {
            throw new SourceException(location, null, "expected a regular file, found another kind of file", null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw failure(location, e);
        }
        // The attributes read before opening could belong to a file replaced since; read them again.
        String version = versionOf(attributes(path, location));
        if (!version.equals(versionOf(attributes))) {
            closeQuietly(channel);
            throw new SourceChangedException(location, versionOf(attributes), version);
        }
        return new FileRangeReader(path, channel, executor, version, attributes.size());
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public CompletableFuture<Long> size() {
        return CompletableFuture.completedFuture(size);
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        return CompletableFuture.completedFuture(Optional.of(version));
    }

    @Override
    public Optional<String> knownVersion() {
        return Optional.of(version);
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        if (ranges.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.runAsync(this::checkUnchanged, executor).thenCompose(unchanged -> {
            List<CompletableFuture<ByteBuffer>> reads = new ArrayList<>(ranges.size());
            for (ByteRange range : ranges) {
                reads.add(CompletableFuture.supplyAsync(() -> readRange(range), executor));
            }
            return Ranges.all(reads);
        });
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    @Override
    public String toString() {
        return "FileRangeReader[" + location + "]";
    }

    private ByteBuffer readRange(ByteRange range) {
        if (Ranges.startsPastEnd(range, size)) {
            throw Ranges.pastEnd(location, range, size);
        }
        ByteRange cut = Ranges.cut(range, size);
        ByteBuffer buffer = ByteBuffer.allocate(Ranges.bufferLength(location, cut));
        try {
            long position = cut.offset();
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    checkUnchanged();
                    throw new SourceException(location, range.toString(), "expected " + cut.length()
                            + " bytes at offset " + cut.offset() + ", found only " + buffer.position()
                            + " before the end of the file", null);
                }
                position += n;
            }
        } catch (ClosedChannelException e) {
            throw new SourceException(location, range.toString(), "expected an open reader, found it closed", null);
        } catch (IOException e) {
            throw new SourceException(location, range.toString(), "read failed: " + e.getMessage(), e);
        }
        return buffer.flip();
    }

    private void checkUnchanged() {
        String found;
        try {
            found = versionOf(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            found = "no file";
        } catch (IOException e) {
            throw failure(location, e);
        }
        if (!found.equals(version)) {
            throw new SourceChangedException(location, version, found);
        }
    }

    private static BasicFileAttributes attributes(Path path, String location) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw failure(location, e);
        }
    }

    private static String versionOf(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return "size " + attributes.size() + ", modified " + attributes.lastModifiedTime()
                + (key == null ? "" : ", file " + key);
    }

    private static SourceException failure(String location, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SourceException(location, null, "expected a readable file, found no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new SourceException(location, null, "expected a readable file, found permission denied", e);
        }
        return new SourceException(location, null, "could not open: " + e, e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written, so nothing is lost
        }
    }
}
