package org.cogcube.warp;

/**
 * The box a target pixel covers in an input, between its mapped top-left and bottom-right corners
 * (ordered, so a flipped mapping works), and the input pixels it touches: from
 * {@code floor(min)} to {@code ceil(max)}, clamped to the input, at least one pixel wide where the
 * input allows.
 */
record Footprint(double minColumn, double minRow, double maxColumn, double maxRow) {
    private static final double EPSILON = 1e-10;

    static Footprint between(double column1, double row1, double column2, double row2) {
        return new Footprint(Math.min(column1, column2), Math.min(row1, row2), Math.max(column1, column2),
                Math.max(row1, row2));
    }

    /**
     * Whether the mapped top-left corner, truncated toward zero as GDAL does, lies at most one
     * pixel before the input and not past it: gdalwarp (3.6) gathers no footprint otherwise, even
     * one that reaches onto the input. Measured on the Landsat scene: footprints lying wholly
     * above the first row get a value exactly when their corner lies less than 2 rows above it.
     */
    static boolean startsNear(double column, double row, int inputWidth, int inputHeight) {
        int c = (int) (column + EPSILON);
        int r = (int) (row + EPSILON);
        return c >= -1 && r >= -1 && c < inputWidth && r < inputHeight;
    }

    boolean isFinite() {
        return Double.isFinite(minColumn) && Double.isFinite(minRow) && Double.isFinite(maxColumn)
                && Double.isFinite(maxRow);
    }

    int firstColumn() {
        return Math.max(0, (int) Math.floor(minColumn + EPSILON));
    }

    int firstRow() {
        return Math.max(0, (int) Math.floor(minRow + EPSILON));
    }

    int endColumn(int inputWidth) {
        int end = Math.min(inputWidth, (int) Math.ceil(maxColumn - EPSILON));
        return end == firstColumn() && end < inputWidth ? end + 1 : end;
    }

    int endRow(int inputHeight) {
        int end = Math.min(inputHeight, (int) Math.ceil(maxRow - EPSILON));
        return end == firstRow() && end < inputHeight ? end + 1 : end;
    }
}
