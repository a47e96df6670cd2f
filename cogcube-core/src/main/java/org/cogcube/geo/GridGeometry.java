package org.cogcube.geo;

/**
 * A grid of pixels placed on the Earth: its size, its geotransform and its CRS.
 *
 * @param width number of columns
 * @param height number of rows
 * @param transform pixel to CRS coordinates
 * @param crs the CRS of the coordinates ({@link Crs#UNKNOWN} when not known)
 */
public record GridGeometry(int width, int height, GeoTransform transform, Crs crs) {

    public GridGeometry {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("grid size must not be negative: " + width + " x " + height);
        }
    }

    /** The grid of a window of this grid. */
    public GridGeometry window(int column, int row, int windowWidth, int windowHeight) {
        return new GridGeometry(windowWidth, windowHeight, transform.translated(column, row), crs);
    }

    /** The grid of an overview of this grid, of the given size, covering the same extent. */
    public GridGeometry overview(int overviewWidth, int overviewHeight) {
        return new GridGeometry(overviewWidth, overviewHeight,
                transform.scaled((double) width / overviewWidth, (double) height / overviewHeight), crs);
    }

    /** The envelope {@code minX, minY, maxX, maxY} of the grid's corners. */
    public double[] envelope() {
        double[] xs = {transform.x(0, 0), transform.x(width, 0), transform.x(0, height), transform.x(width, height)};
        double[] ys = {transform.y(0, 0), transform.y(width, 0), transform.y(0, height), transform.y(width, height)};
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        return new double[] {minX, minY, maxX, maxY};
    }
}
