package org.cogcube;

import java.util.OptionalInt;

/**
 * Bytes could not be obtained from a source: an I/O error, an HTTP status, a timeout, a short or
 * mismatched response. Carries the source's location, the byte range asked for (as text, e.g.
 * {@code bytes=0-16383}) and, for HTTP, the status code.
 */
public class SourceException extends CogcubeException {
    private final String location;
    private final String range;
    private final int status;

    public SourceException(String location, String range, int status, String message, Throwable cause) {
        super(describe(location, range, status, message), cause);
        this.location = location;
        this.range = range;
        this.status = status;
    }

    public SourceException(String location, String range, String message, Throwable cause) {
        this(location, range, -1, message, cause);
    }

    private static String describe(String location, String range, int status, String message) {
        StringBuilder sb = new StringBuilder(location);
        if (range != null) {
            sb.append(" [").append(range).append(']');
        }
        if (status >= 0) {
            sb.append(": HTTP ").append(status);
        }
        return sb.append(": ").append(message).toString();
    }

    /** The file path or URL that failed. */
    public String location() {
        return location;
    }

    /** The byte range asked for, or null when the failure was not about one range. */
    public String range() {
        return range;
    }

    /** The HTTP status code, if the source is HTTP and answered. */
    public OptionalInt status() {
        return status >= 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
