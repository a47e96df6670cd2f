package org.cogcube.vrt;

/**
 * A rectangle in pixel space, as a VRT's {@code SrcRect} and {@code DstRect} give it: possibly
 * fractional offsets and sizes.
 *
 * @param xOff left edge, in pixels
 * @param yOff top edge, in pixels
 * @param xSize width, in pixels, positive
 * @param ySize height, in pixels, positive
 */
record Rect(double xOff, double yOff, double xSize, double ySize) {

    Rect {
        if (!(xSize > 0 && ySize > 0) || !Double.isFinite(xOff) || !Double.isFinite(yOff)
                || !Double.isFinite(xSize) || !Double.isFinite(ySize)) {
            throw new IllegalArgumentException("expected finite offsets and positive sizes, found xOff=" + xOff
                    + " yOff=" + yOff + " xSize=" + xSize + " ySize=" + ySize);
        }
    }

    /** The whole of a raster of the given size. */
    static Rect whole(int width, int height) {
        return new Rect(0, 0, width, height);
    }

    /** Whether offsets and sizes are whole numbers of pixels. */
    boolean isWhole() {
        return xOff == Math.rint(xOff) && yOff == Math.rint(yOff) && xSize == Math.rint(xSize)
                && ySize == Math.rint(ySize);
    }

    double endX() {
        return xOff + xSize;
    }

    double endY() {
        return yOff + ySize;
    }

    /** Whether this rectangle shares some area with the pixels {@code [column, endColumn) x [row, endRow)}. */
    boolean overlaps(int column, int row, int endColumn, int endRow) {
        return xOff < endColumn && endX() > column && yOff < endRow && endY() > row;
    }

    @Override
    public String toString() {
        return "xOff=" + xOff + " yOff=" + yOff + " xSize=" + xSize + " ySize=" + ySize;
    }
}
