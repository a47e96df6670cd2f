package org.cogcube.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule that decides which file a request path may reach, applied to the path exactly as
 * the client sent it (still percent-encoded), whatever the HTTP layer below has already checked.
 *
 * <p>A request path is refused as <b>malformed</b> (400) when it does not start with {@code /},
 * has a bad percent escape, encodes a separator ({@code %2F}, {@code %5C}), still holds a percent
 * escape once decoded (double encoding), decodes to invalid UTF-8, a control character (NUL
 * included) or a backslash, or has an empty, {@code .} or {@code ..} segment. It is
 * <b>not found</b> (404, which says nothing about what exists) when a segment starts with a dot
 * (hidden), when nothing is there, or when the real path, symbolic links followed, leaves the
 * root's real path or passes through a hidden name. Symbolic links that stay inside the root are
 * followed.
 */
final class SafePaths {

    /** Why a request path does not name a servable file: the status to answer and a reason for logs. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    private final Path root;

    /** @param root the folder served; it must exist (its real path is taken once, here) */
    SafePaths(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** The real path of the folder served. */
    Path root() {
        return root;
    }

    /** A servable file or folder: its real path, and what its look-up found. */
    record Found(Path path, FileVersion.Identity identity) {
    }

    /**
     * The file or folder that {@code rawPath} (the request target's path, not decoded, without
     * query) names under the root, looked up. Below the root, each name is looked up without
     * following links (one {@code lstat} each, the last of which is the file's look-up): with no
     * symbolic link on the way, the path is its own real path; with one, the real path is resolved
     * and checked as {@link #resolve} does.
     *
     * @throws java.nio.file.NoSuchFileException, java.nio.file.AccessDeniedException if the real
     *     path found cannot be looked up (it went away meanwhile, or may not be read)
     */
    Found find(String rawPath) throws Refused, IOException {
        List<String> names = segments(rawPath);
        Path path = root;
        BasicFileAttributes attributes = null;
        for (String name : names) {
            path = path.resolve(name);
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw new Refused(404, "no such file");
            } catch (IOException | SecurityException e) {
                attributes = null; // e.g. not a folder on the way: the full resolution says what
            }
            if (attributes == null || attributes.isSymbolicLink()) {
                Path real = realPathInside(under(names));
                return new Found(real, FileVersion.Identity.of(real));
            }
        }
        if (attributes == null) { // the root itself
            return new Found(root, FileVersion.Identity.of(root));
        }
        return new Found(path, FileVersion.Identity.of(attributes));
    }

    /**
     * The real path of the file or folder that {@code rawPath} (the request target's path, not
     * decoded, without query) names under the root.
     */
    Path resolve(String rawPath) throws Refused {
        return realPathInside(under(segments(rawPath)));
    }

    private Path under(List<String> names) {
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /** The names of a request path below the root, decoded and checked; none for the root itself. */
    private static List<String> segments(String rawPath) throws Refused {
        String decoded = decode(rawPath);
        String[] segments = decoded.substring(1).split("/", -1);
        List<String> names = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                if (i == segments.length - 1) {
                    break; // a trailing slash names the folder itself
                }
                throw new Refused(400, "empty path segment");
            }
            if (s.equals(".") || s.equals("..")) {
                throw new Refused(400, "dot segment '" + s + "'");
            }
            if (s.startsWith(".")) {
                throw new Refused(404, "hidden name '" + s + "'");
            }
            names.add(s);
        }
        return names;
    }

    /** The real path of a candidate under the root, if it stays inside the root and is not hidden. */
    private Path realPathInside(Path candidate) throws Refused {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused(404, "no such file");
        } catch (IOException | SecurityException e) {
            throw new Refused(404, "cannot resolve: " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new Refused(404, "real path leaves the root");
        }
        for (Path name : root.relativize(real)) {
            if (name.toString().startsWith(".")) {
                throw new Refused(404, "real path passes through hidden name '" + name + "'");
            }
        }
        return real;
    }

    /** Whether a real path found inside the root (by listing a folder) may be shown and served. */
    boolean servable(Path path) {
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(root)) {
                return false;
            }
            for (Path name : root.relativize(real)) {
                if (name.toString().startsWith(".")) {
                    return false;
                }
            }
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Percent-decodes once, refusing what could smuggle a separator, a second decoding or a control. */
    static String decode(String rawPath) throws Refused {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new Refused(400, "path does not start with '/'");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    throw new Refused(400, "truncated percent escape");
                }
                int hi = Character.digit(rawPath.charAt(i + 1), 16);
                int lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Refused(400, "bad percent escape");
                }
                int b = hi << 4 | lo;
                if (b == '/' || b == '\\') {
                    throw new Refused(400, "encoded separator");
                }
                bytes.write(b);
                i += 2;
            } else if (c > 0x7f) {
                throw new Refused(400, "raw non-ASCII character");
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, "not UTF-8 once decoded");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new Refused(400, "control character");
            }
            if (c == '\\') {
                throw new Refused(400, "backslash");
            }
            if (c == '%' && i + 2 < decoded.length() && Character.digit(decoded.charAt(i + 1), 16) >= 0
                    && Character.digit(decoded.charAt(i + 2), 16) >= 0) {
                throw new Refused(400, "percent escape left after decoding (double encoding)");
            }
        }
        return decoded;
    }
}
