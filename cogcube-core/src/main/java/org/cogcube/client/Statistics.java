package org.cogcube.client;

import java.util.Arrays;

/**
 * Statistics of one cut's values, as numpy gives them on the valid ones (those not NaN), in
 * double precision: {@code mean}, {@code std} (population, {@code ddof=0}, numpy's default),
 * {@code min}, {@code median} (for an even count the mean of the two middle values) and
 * {@code max}. With no valid value they are all NaN.
 *
 * @param validPixels the values that are not NaN
 * @param totalPixels the pixels the region keeps in the cut, valid or not
 * @param mean the mean of the valid values
 * @param std their population standard deviation
 * @param min the smallest
 * @param median the median
 * @param max the largest
 */
public record Statistics(long validPixels, long totalPixels, double mean, double std, double min, double median,
        double max) {

    public Statistics {
        if (validPixels < 0 || totalPixels < 0) {
            throw new IllegalArgumentException("expected pixel counts >= 0, found " + validPixels + " valid of "
                    + totalPixels);
        }
    }

    /** No valid value among {@code totalPixels}: a date dropped, or a cut of NaNs only. */
    public static Statistics none(long totalPixels) {
        return new Statistics(0, totalPixels, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The statistics of the values that are not NaN, of {@code totalPixels} kept by the region. */
    public static Statistics of(float[] values, long totalPixels) {
        double[] valid = new double[values.length];
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                valid[n++] = v;
            }
        }
        if (n == 0) {
            return none(totalPixels);
        }
        valid = Arrays.copyOf(valid, n);
        double sum = 0;
        for (double v : valid) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : valid) {
            squares += (v - mean) * (v - mean);
        }
        Arrays.sort(valid);
        double median = n % 2 == 1 ? valid[n / 2] : (valid[n / 2 - 1] + valid[n / 2]) / 2;
        return new Statistics(n, totalPixels, mean, Math.sqrt(squares / n), valid[0], median, valid[n - 1]);
    }
}
