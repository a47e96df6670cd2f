package org.cogcube.io;

/**
 * A range of bytes within a source: {@code length} bytes starting at {@code offset}.
 *
 * @param offset first byte, zero-based, non-negative
 * @param length number of bytes, non-negative
 */
public record ByteRange(long offset, long length) implements Comparable<ByteRange> {
    public ByteRange {
        if (offset < 0 || length < 0 || offset + length < offset) {
            throw new IllegalArgumentException("invalid byte range: offset " + offset + ", length " + length);
        }
    }

    public static ByteRange of(long offset, long length) {
        return new ByteRange(offset, length);
    }

    /** The offset one past the last byte. */
    public long end() {
        return offset + length;
    }

    /** Whether {@code other} lies entirely within this range. */
    public boolean contains(ByteRange other) {
        return other.offset >= offset && other.end() <= end();
    }

    /** The HTTP form of this range, e.g. {@code bytes=0-16383}; only for non-empty ranges. */
    public String toHttpHeader() {
        return "bytes=" + offset + "-" + (end() - 1);
    }

    @Override
    public int compareTo(ByteRange o) {
        int c = Long.compare(offset, o.offset);
        return c != 0 ? c : Long.compare(length, o.length);
    }

    @Override
    public String toString() {
        return length == 0 ? "bytes " + offset + "+0" : "bytes " + offset + "-" + (end() - 1);
    }
}
