package org.cogcube.region;

/**
 * The pixels a rasteriser burns, over one rectangle of the source grid: GDAL's "chunk", the source
 * window the warper reads. Coordinates given to the rasteriser are relative to its top-left
 * corner; burns outside it are dropped, as GDAL clips them.
 */
final class Canvas {

    private final int width;
    private final int height;
    private final long[] bits;

    Canvas(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("canvas size must not be negative: " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.bits = new long[(int) (((long) width * height + 63) >>> 6)];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Burns columns {@code from} to {@code to} inclusive of a row, clipped; nothing if from > to. */
    void span(int row, int from, int to) {
        if (from > to || row < 0 || row >= height) {
            return;
        }
        int start = Math.max(from, 0);
        int end = Math.min(to, width - 1);
        long base = (long) row * width;
        for (int column = start; column <= end; column++) {
            set(base + column);
        }
    }

    /** Burns one pixel, if it lies on the canvas. */
    void pixel(int row, int column) {
        if (row >= 0 && row < height && column >= 0 && column < width) {
            set((long) row * width + column);
        }
    }

    boolean get(int column, int row) {
        if (row < 0 || row >= height || column < 0 || column >= width) {
            return false;
        }
        long index = (long) row * width + column;
        return (bits[(int) (index >>> 6)] & (1L << index)) != 0;
    }

    private void set(long index) {
        bits[(int) (index >>> 6)] |= 1L << index;
    }
}
