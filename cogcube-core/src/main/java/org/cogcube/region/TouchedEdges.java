package org.cogcube.region;

/**
 * Burns, for the all-touched variant, the pixels the rings of a polygon pass through, the way
 * GDAL 3.6 walks polygon edges for {@code ALL_TOUCHED} (on top of the pixel-centre fill), with
 * its quirks kept, since they decide pixels:
 * <ul>
 *   <li>an edge whose ends lie in one column, or less than 0.01 apart in x, is drawn as vertical:
 *       the column of its right end, rows {@code floor(top)} to {@code floor(bottom)}; it burns
 *       nothing at all when both ends lie within 0.01 of a pixel boundary (an edge along a
 *       boundary touches no pixel's inside);</li>
 *   <li>likewise an edge within one row, or less than 0.01 tall, is drawn as horizontal, in the
 *       row of its left end, and burns nothing when both ends lie within 0.01 of a row boundary;</li>
 *   <li>any other edge is clipped to the canvas (GDAL's clipping arithmetic included) and walked
 *       from left to right, pixel boundary to pixel boundary, stepping at least 1e-9 of a row.</li>
 * </ul>
 */
final class TouchedEdges {

    private static final double NEAR = 0.01;
    private static final double MIN_STEP = 0.000000001;

    private TouchedEdges() {
    }

    static void burn(PixelPolygon polygon, int offsetX, int offsetY, Canvas canvas) {
        for (int r = 0; r < polygon.rings(); r++) {
            double[] x = polygon.x(r);
            double[] y = polygon.y(r);
            for (int j = 1; j < x.length; j++) {
                segment(x[j - 1] - offsetX, y[j - 1] - offsetY, x[j] - offsetX, y[j] - offsetY, canvas);
            }
        }
    }

    private static void segment(double xa, double ya, double xb, double yb, Canvas canvas) {
        int width = canvas.width();
        int height = canvas.height();
        if ((ya < 0 && yb < 0) || (ya > height && yb > height) || (xa < 0 && xb < 0)
                || (xa > width && xb > width)) {
            return;
        }
        double x = xa;
        double y = ya;
        double xEnd = xb;
        double yEnd = yb;
        if (x > xEnd) {
            x = xb;
            y = yb;
            xEnd = xa;
            yEnd = ya;
        }
        if (Math.floor(x) == Math.floor(xEnd) || Math.abs(x - xEnd) < NEAR) {
            vertical(x, y, xEnd, yEnd, canvas);
        } else if (Math.floor(y) == Math.floor(yEnd) || Math.abs(y - yEnd) < NEAR) {
            horizontal(x, y, xEnd, yEnd, canvas);
        } else {
            sloped(x, y, xEnd, yEnd, canvas);
        }
    }

    private static void vertical(double x, double y, double xEnd, double yEnd, Canvas canvas) {
        if (nearBoundary(x) && nearBoundary(xEnd)) {
            return;
        }
        double top = Math.min(y, yEnd);
        double bottom = Math.max(y, yEnd);
        int column = Ints.truncate(Math.floor(xEnd));
        if (column < 0 || column >= canvas.width()) {
            return;
        }
        int first = Math.max(0, Ints.truncate(Math.floor(top)));
        int last = Math.min(canvas.height() - 1, Ints.truncate(Math.floor(bottom)));
        for (int row = first; row <= last; row++) {
            canvas.pixel(row, column);
        }
    }

    private static void horizontal(double x, double y, double xEnd, double yEnd, Canvas canvas) {
        if (nearBoundary(y) && nearBoundary(yEnd)) {
            return;
        }
        int row = Ints.truncate(Math.floor(y));
        if (row < 0 || row >= canvas.height()) {
            return;
        }
        int first = Math.max(0, Ints.truncate(Math.floor(x)));
        int last = Math.min(canvas.width() - 1, Ints.truncate(Math.floor(xEnd)));
        for (int column = first; column <= last; column++) {
            canvas.pixel(row, column);
        }
    }

    /** Whether a coordinate lies within 0.01 of a pixel boundary (an integer). */
    private static boolean nearBoundary(double v) {
        return Math.abs(v - Math.rint(v)) < NEAR;
    }

    private static void sloped(double x, double y, double xEnd, double yEnd, Canvas canvas) {
        int width = canvas.width();
        int height = canvas.height();
        double slope = (yEnd - y) / (xEnd - x);
        if (xEnd > width) {
            yEnd -= (xEnd - width) * slope;
            xEnd = width;
        }
        if (x < 0) {
            y += (0 - x) * slope;
            x = 0;
        }
        if (yEnd > y) {
            if (y < 0) {
                x += (0 - y) / slope;
                y = 0;
            }
            if (yEnd >= height) {
                // GDAL moves the end away here rather than back; the row check below keeps the
                // extra steps harmless, and the same steps give the same pixels.
                xEnd += (yEnd - height) / slope;
                if (xEnd > width) {
                    xEnd = width;
                }
            }
        } else {
            if (y >= height) {
                x += (height - y) / slope;
                y = height;
            }
            if (yEnd < 0) {
                xEnd -= (yEnd - 0) / slope;
            }
        }
        while (x >= 0 && x < xEnd) {
            int column = Ints.truncate(Math.floor(x));
            int row = Ints.truncate(Math.floor(y));
            if (row >= 0 && row < height) {
                canvas.pixel(row, column);
            }
            double stepX = Math.floor(x + 1.0) - x;
            double stepY = stepX * slope;
            if (Ints.truncate(Math.floor(y + stepY)) == row) {
                x += stepX;
                y += stepY;
            } else if (slope < 0) {
                stepY = row - y;
                if (stepY > -MIN_STEP) {
                    stepY = -MIN_STEP;
                }
                x += stepY / slope;
                y += stepY;
            } else {
                stepY = (row + 1) - y;
                if (stepY < MIN_STEP) {
                    stepY = MIN_STEP;
                }
                x += stepY / slope;
                y += stepY;
            }
        }
    }
}
