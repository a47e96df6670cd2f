package org.cogcube.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cogcube.CogcubeException;

/** File steps that survive a crash: force to disk, rename atomically, name by content. */
final class Durable {
    /** Hex digits of the content hash in a generation's name. */
    static final int HASH_DIGITS = 16;
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PUBLISHED =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    private Durable() {
    }

    /** A new hidden temporary file in {@code folder}, for content that will become {@code name}. */
    static Path temporary(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            return Files.createTempFile(folder, "." + name + ".", ".tmp");
        } catch (IOException e) {
            throw new CogcubeException("cannot create a temporary file in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Writes bytes to a new temporary file in {@code folder} and forces them to disk. */
    static Path writeTemporary(Path folder, String name, byte[] content) {
        Path temp = temporary(folder, name);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new CogcubeException("writing " + temp + ": " + e.getMessage(), e);
        }
        return temp;
    }

    /** Forces a file's content to disk. */
    static void force(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new CogcubeException("forcing " + file + " to disk: " + e.getMessage(), e);
        }
    }

    /** The first {@value #HASH_DIGITS} hex digits of the SHA-256 of a file's content. */
    static String hash(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = sha256();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (ch.read(buffer.clear()) > 0) {
                digest.update(buffer.flip());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_DIGITS);
        } catch (IOException e) {
            throw new CogcubeException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first {@value #HASH_DIGITS} hex digits of the SHA-256 of some bytes. */
    static String hash(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content)).substring(0, HASH_DIGITS);
    }

    /**
     * Moves a forced temporary file to its final name in one atomic step and forces the folder.
     * When a file of that name exists it has the same content (names carry the content's hash):
     * it is left alone, so a reader of it is never disturbed, and the temporary file is dropped.
     */
    static void publish(Path temp, Path target) {
        try {
            if (Files.exists(target)) {
                Files.delete(temp);
                return;
            }
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PUBLISHED); // readable by a web server of another user
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new CogcubeException("cannot rename " + temp + " to " + target + " atomically: the file system"
                        + " cannot", e);
            }
            forceFolder(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new CogcubeException("renaming " + temp + " to " + target + ": " + e.getMessage(), e);
        }
    }

    static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UncheckedIOException e) {
            // some systems cannot open or force a folder; the rename itself is done
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // garbage left behind is collected by the next ingest
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
