package org.cogcube.warp;

import java.util.OptionalDouble;
import org.cogcube.raster.Raster;

/**
 * The samples of a window of one input band, as doubles, with NaN for every sample that holds no
 * data (the input's nodata value, or NaN). Coordinates given to {@link #at} are the input's
 * pixel coordinates; outside the window there is no data.
 */
final class Patch {
    final int column;
    final int row;
    final int width;
    final int height;
    private final double[] values;

    Patch(int column, int row, Raster raster, OptionalDouble nodata) {
        this.column = column;
        this.row = row;
        this.width = raster.width();
        this.height = raster.height();
        this.values = raster.toDoubles(0);
        if (nodata.isPresent() && !Double.isNaN(nodata.getAsDouble())) {
            double nd = nodata.getAsDouble();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == nd) {
                    values[i] = Double.NaN;
                }
            }
        }
    }

    /** The sample at an input pixel, NaN when it holds no data or lies outside the patch. */
    double at(int inputColumn, int inputRow) {
        int c = inputColumn - column;
        int r = inputRow - row;
        if (c < 0 || r < 0 || c >= width || r >= height) {
            return Double.NaN;
        }
        return values[r * width + c];
    }
}
