package org.cogcube.region;

import java.util.Optional;
import org.cogcube.geo.GeoTransform;
import org.cogcube.raster.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * The rectangle of source pixels gdalwarp 3.6's {@code -crop_to_cutline} writes, in source pixel
 * space (it may reach past the grid's edges: GDAL fills those pixels with nodata).
 *
 * <p>GDAL snaps the region's envelope to the source grid's pixel boundaries, computing in pixel
 * units {@code (x - originX) / xPerColumn} and {@code (y - originY) / yPerRow} with a tolerance of
 * 1e-8 pixel:
 * <ul>
 *   <li>by default inwards: the pixels lying wholly inside the envelope
 *       ({@code ceil(left - 1e-8)} to {@code floor(right + 1e-8)}, likewise for rows), so that a
 *       pixel whose centre is in the region but which sticks out of the envelope is not written;</li>
 *   <li>for all-touched outwards: every pixel the envelope touches
 *       ({@code floor(left + 1e-8)} to {@code ceil(right - 1e-8)}).</li>
 * </ul>
 * When the snapped columns are empty (a region narrower than a pixel) GDAL fails ("Attempt to
 * create 0xN dataset"): the window is then empty. When the snapped rows are inverted by one (the
 * region lies inside a single row of pixels) GDAL writes that one row, upside down (a positive
 * pixel height); the window is that row.
 *
 * @param column first column, in source pixel space
 * @param row first row
 * @param width columns, 0 when GDAL writes nothing
 * @param height rows, 0 when GDAL writes nothing
 */
record CropWindow(int column, int row, int width, int height) {

    private static final double TOLERANCE = 1e-8;

    static CropWindow of(Envelope region, GeoTransform transform, boolean allTouched) {
        double left = (region.getMinX() - transform.originX()) / transform.xPerColumn();
        double right = (region.getMaxX() - transform.originX()) / transform.xPerColumn();
        double top = (region.getMaxY() - transform.originY()) / transform.yPerRow();
        double bottom = (region.getMinY() - transform.originY()) / transform.yPerRow();
        long firstColumn;
        long endColumn;
        long firstRow;
        long endRow;
        if (allTouched) {
            firstColumn = index(Math.floor(left + TOLERANCE));
            endColumn = index(Math.ceil(right - TOLERANCE));
            firstRow = index(Math.floor(top + TOLERANCE));
            endRow = index(Math.ceil(bottom - TOLERANCE));
        } else {
            firstColumn = index(Math.ceil(left - TOLERANCE));
            endColumn = index(Math.floor(right + TOLERANCE));
            firstRow = index(Math.ceil(top - TOLERANCE));
            endRow = index(Math.floor(bottom + TOLERANCE));
        }
        long width = Math.max(0, endColumn - firstColumn);
        if (endRow < firstRow) {
            // GDAL takes the absolute height: the rows between, written south-up.
            long t = endRow;
            endRow = firstRow;
            firstRow = t;
        }
        long height = endRow - firstRow;
        if (width == 0 || height == 0) {
            return new CropWindow(Math.toIntExact(firstColumn), Math.toIntExact(firstRow), 0, 0);
        }
        return new CropWindow(Math.toIntExact(firstColumn), Math.toIntExact(firstRow),
                Math.toIntExact(width), Math.toIntExact(height));
    }

    private static long index(double snapped) {
        if (!(Math.abs(snapped) < Integer.MAX_VALUE)) {
            throw new ArithmeticException("pixel index " + snapped + " is outside the int range");
        }
        return (long) snapped;
    }

    boolean isEmpty() {
        return width == 0 || height == 0;
    }

    Optional<Window> window() {
        return isEmpty() ? Optional.empty() : Optional.of(Window.of(column, row, width, height));
    }

    /**
     * The source window GDAL's warper reads for this output, clamped to a grid of the given size,
     * which is the frame its rasteriser works in (GDAL rasterises in the coordinates of that window,
     * and the rounding of the shift is part of its result): the output window clamped to the grid,
     * widened to the whole width (height) when it covers more than 90% of it. Empty when the
     * window misses the grid.
     */
    Optional<Window> sourceFrame(int gridWidth, int gridHeight) {
        if (isEmpty()) {
            return Optional.empty();
        }
        int[] columns = frame(column, width, gridWidth);
        int[] rows = frame(row, height, gridHeight);
        if (columns == null || rows == null) {
            return Optional.empty();
        }
        return Optional.of(Window.of(columns[0], rows[0], columns[1], rows[1]));
    }

    /** Offset and size along one axis, or null when nothing is read. */
    private static int[] frame(long start, long size, int gridSize) {
        long end = start + size;
        if (start > gridSize || end < 0) {
            return null;
        }
        long clampedStart = Math.max(0, start);
        long clampedEnd = Math.min(end, gridSize);
        long offset;
        long length;
        if (clampedEnd - clampedStart > 0.9 * gridSize) {
            offset = 0;
            length = gridSize;
        } else {
            offset = Math.max(0, Math.min(clampedStart, gridSize));
            length = Math.max(0, Math.min(gridSize - offset, clampedEnd - offset));
        }
        return length < 1 ? null : new int[] {(int) offset, (int) length};
    }
}
