package org.cogcube.raster;

/**
 * A rectangle of pixels: the top-left pixel's column and row, and the size.
 *
 * @param column first column
 * @param row first row
 * @param width number of columns, at least 1
 * @param height number of rows, at least 1
 */
public record Window(int column, int row, int width, int height) {

    public Window {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window size must be positive, got " + width + " x " + height);
        }
    }

    public static Window of(int column, int row, int width, int height) {
        return new Window(column, row, width, height);
    }

    /** The whole of an image of the given size. */
    public static Window full(int width, int height) {
        return new Window(0, 0, width, height);
    }

    /** One past the last column. */
    public int endColumn() {
        return column + width;
    }

    /** One past the last row. */
    public int endRow() {
        return row + height;
    }

    /** Whether this window lies entirely within an image of the given size. */
    public boolean within(int imageWidth, int imageHeight) {
        return column >= 0 && row >= 0 && (long) column + width <= imageWidth && (long) row + height <= imageHeight;
    }

    public long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return "window " + width + "x" + height + " at column " + column + ", row " + row;
    }
}
