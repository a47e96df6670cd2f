package org.cogcube.server;

/**
 * A satisfiable byte range of one file version: the first and last byte positions, both
 * inclusive, as {@code Content-Range} writes them.
 */
record Span(long first, long last) {

    Span {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("span " + first + "-" + last + ": expected 0 <= first <= last");
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for this span of a file of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
