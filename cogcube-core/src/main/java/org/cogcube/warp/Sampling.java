package org.cogcube.warp;

import java.util.Arrays;

/**
 * The kernels, each a pure function of a {@link Patch} and mapped coordinates, following the
 * rules of GDAL 3.6's warp kernel. All return NaN where the target pixel gets no value.
 */
final class Sampling {
    /** GDAL's tolerance when flooring mapped coordinates. */
    private static final double EPSILON = 1e-10;

    private Sampling() {
    }

    /** Whether a mapped centre lies on the input at all; no kernel gives a value otherwise. */
    static boolean onInput(double column, double row, int inputWidth, int inputHeight) {
        if (!(column >= 0 && row >= 0)) { // NaN too
            return false;
        }
        return (int) (column + EPSILON) < inputWidth && (int) (row + EPSILON) < inputHeight;
    }

    /** The input pixel the centre falls in. */
    static double nearest(Patch p, double column, double row) {
        return p.at((int) Math.floor(column + EPSILON), (int) Math.floor(row + EPSILON));
    }

    /**
     * Bilinear over the 2 x 2 pixels around the centre; pixels off the input or without data are
     * left out and the weights of the others renormalised.
     */
    static double bilinear(Patch p, double column, double row) {
        int c = (int) Math.floor(column - 0.5);
        int r = (int) Math.floor(row - 0.5);
        double fx = 1.5 - (column - c); // weight of the left column
        double fy = 1.5 - (row - r); // weight of the top row
        double sum = 0;
        double weights = 0;
        double v;
        if (!Double.isNaN(v = p.at(c, r))) {
            sum += v * fx * fy;
            weights += fx * fy;
        }
        if (!Double.isNaN(v = p.at(c + 1, r))) {
            sum += v * (1 - fx) * fy;
            weights += (1 - fx) * fy;
        }
        if (!Double.isNaN(v = p.at(c + 1, r + 1))) {
            sum += v * (1 - fx) * (1 - fy);
            weights += (1 - fx) * (1 - fy);
        }
        if (!Double.isNaN(v = p.at(c, r + 1))) {
            sum += v * fx * (1 - fy);
            weights += fx * (1 - fy);
        }
        if (weights < 1e-5) {
            return Double.NaN;
        }
        return weights == 1 ? sum : sum / weights;
    }

    /**
     * Bilinear with the tent stretched by {@code 1 / scale} along an axis where the target pixels
     * are larger than the input's ({@code scale < 1}), so that every input pixel under the target
     * pixel counts, as gdalwarp does when it shrinks.
     */
    static double wideBilinear(Patch p, double column, double row, double scaleX, double scaleY) {
        double sx = Math.min(1, scaleX);
        double sy = Math.min(1, scaleY);
        int rx = (int) Math.ceil(1 / sx);
        int ry = (int) Math.ceil(1 / sy);
        int c0 = (int) Math.floor(column - 0.5);
        int r0 = (int) Math.floor(row - 0.5);
        double sum = 0;
        double weights = 0;
        for (int r = r0 - ry + 1; r <= r0 + ry; r++) {
            double wy = 1 - Math.abs(r + 0.5 - row) * sy;
            if (wy <= 0) {
                continue;
            }
            for (int c = c0 - rx + 1; c <= c0 + rx; c++) {
                double wx = 1 - Math.abs(c + 0.5 - column) * sx;
                double v;
                if (wx > 0 && !Double.isNaN(v = p.at(c, r))) {
                    sum += v * wx * wy;
                    weights += wx * wy;
                }
            }
        }
        return weights < 1e-5 ? Double.NaN : sum / weights;
    }

    /**
     * The mean of the pixels under the footprint box {@code [minColumn, maxColumn] x [minRow, maxRow]},
     * each weighted by the area of it the box covers. Along an axis where the footprint touches a
     * single input pixel (also when it was widened to one because the box lies just off the
     * input), that pixel weighs 1.
     */
    static double average(Patch p, Footprint f, int inputWidth, int inputHeight) {
        int r0 = f.firstRow();
        int r1 = f.endRow(inputHeight);
        int c0 = f.firstColumn();
        int c1 = f.endColumn(inputWidth);
        double sum = 0;
        double weights = 0;
        for (int r = r0; r < r1; r++) {
            double wy = r1 - r0 == 1 ? 1 : overlap(r, f.minRow(), f.maxRow());
            for (int c = c0; c < c1; c++) {
                double wx = c1 - c0 == 1 ? 1 : overlap(c, f.minColumn(), f.maxColumn());
                double v = p.at(c, r);
                if (wx * wy > 0 && !Double.isNaN(v)) {
                    sum += v * wx * wy;
                    weights += wx * wy;
                }
            }
        }
        return weights > 0 ? sum / weights : Double.NaN;
    }

    /** How much of pixel {@code [i, i + 1]} the interval {@code [min, max]} covers. */
    private static double overlap(int i, double min, double max) {
        return Math.min(i + 1, max) - Math.max(i, min);
    }

    /** The most frequent value under the footprint, the smallest on a tie. */
    static double mode(Patch p, Footprint f, int inputWidth, int inputHeight) {
        int rows = f.endRow(inputHeight) - f.firstRow();
        int columns = f.endColumn(inputWidth) - f.firstColumn();
        if (rows <= 0 || columns <= 0) {
            return Double.NaN;
        }
        double[] found = new double[rows * columns];
        int n = 0;
        for (int r = f.firstRow(); r < f.endRow(inputHeight); r++) {
            for (int c = f.firstColumn(); c < f.endColumn(inputWidth); c++) {
                double v = p.at(c, r);
                if (!Double.isNaN(v)) {
                    found[n++] = v;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(found, 0, n);
        double best = found[0];
        int bestCount = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && found[j] == found[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = found[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }
}
