package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A sliding window of full-width rows of one level, per band: rows are appended at the bottom as
 * they are produced and dropped from the top once nothing needs them. A row of a band is a
 * little-endian buffer of its samples, read by absolute index (often a view into the strip the
 * source returned, so that taking a row copies nothing).
 */
final class RowBuffer {
    private final int bands;
    private final List<ByteBuffer[]> rows = new ArrayList<>(); // each entry: one row, per band
    private int first;

    RowBuffer(int bands) {
        this.bands = bands;
    }

    /** The first row held. */
    int first() {
        return first;
    }

    /** One past the last row held. */
    int end() {
        return first + rows.size();
    }

    /** Appends one row (per band arrays, taken over). */
    void append(ByteBuffer[] row) {
        if (row.length != bands) {
            throw new IllegalArgumentException("expected " + bands + " bands, got " + row.length);
        }
        rows.add(row);
    }

    /** The samples of a band on a held row. */
    ByteBuffer row(int band, int y) {
        if (y < first || y >= end()) {
            throw new IllegalStateException("row " + y + " not held (holding " + first + " to " + end() + ")");
        }
        return rows.get(y - first)[band];
    }

    /** Drops every row before {@code y}. */
    void dropBefore(int y) {
        int n = Math.min(Math.max(0, y - first), rows.size());
        if (n > 0) {
            rows.subList(0, n).clear();
            first += n;
        }
    }
}
