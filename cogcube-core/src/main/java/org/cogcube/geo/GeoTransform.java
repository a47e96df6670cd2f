package org.cogcube.geo;

/**
 * The affine map from pixel space (column, row; corner of the top-left pixel at 0, 0) to CRS
 * coordinates, with GDAL's six coefficients in GDAL's order.
 */
public record GeoTransform(double originX, double xPerColumn, double xPerRow,
        double originY, double yPerColumn, double yPerRow) {

    /** The identity: pixel coordinates are the coordinates (what GDAL reports for no georeferencing). */
    public static final GeoTransform IDENTITY = new GeoTransform(0, 1, 0, 0, 0, 1);

    /** A north-up transform: no rotation, {@code pixelHeight} positive (y decreases down the rows). */
    public static GeoTransform northUp(double originX, double originY, double pixelWidth, double pixelHeight) {
        return new GeoTransform(originX, pixelWidth, 0, originY, 0, -pixelHeight);
    }

    /** From GDAL's array {@code [originX, xPerColumn, xPerRow, originY, yPerColumn, yPerRow]}. */
    public static GeoTransform fromGdal(double[] gt) {
        if (gt.length != 6) {
            throw new IllegalArgumentException("expected 6 geotransform coefficients, found " + gt.length);
        }
        return new GeoTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]);
    }

    public double[] toGdal() {
        return new double[] {originX, xPerColumn, xPerRow, originY, yPerColumn, yPerRow};
    }

    /** Whether the grid has no rotation or shear. */
    public boolean isNorthUp() {
        return xPerRow == 0 && yPerColumn == 0;
    }

    public double x(double column, double row) {
        return originX + column * xPerColumn + row * xPerRow;
    }

    public double y(double column, double row) {
        return originY + column * yPerColumn + row * yPerRow;
    }

    /** The pixel coordinates (column, row) of a point. */
    public double[] toPixel(double x, double y) {
        double det = xPerColumn * yPerRow - xPerRow * yPerColumn;
        if (det == 0) {
            throw new IllegalStateException("geotransform is not invertible: " + this);
        }
        double dx = x - originX;
        double dy = y - originY;
        return new double[] {(dx * yPerRow - dy * xPerRow) / det, (dy * xPerColumn - dx * yPerColumn) / det};
    }

    /** The transform of a window whose top-left pixel is (column, row) of this grid. */
    public GeoTransform translated(double column, double row) {
        return new GeoTransform(x(column, row), xPerColumn, xPerRow, y(column, row), yPerColumn, yPerRow);
    }

    /** The transform of a grid whose pixels are {@code factorX} by {@code factorY} of these (an overview). */
    public GeoTransform scaled(double factorX, double factorY) {
        return new GeoTransform(originX, xPerColumn * factorX, xPerRow * factorY,
                originY, yPerColumn * factorX, yPerRow * factorY);
    }
}
