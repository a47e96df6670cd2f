package org.cogcube.region;

/** Conversions of doubles to ints with the results GDAL's C++ gets on x86-64. */
final class Ints {

    private static final double TWO_31 = 2147483648.0;

    private Ints() {
    }

    /**
     * A C cast of a double to int as x86-64 performs it: truncation towards zero, and
     * {@code Integer.MIN_VALUE} for NaN or a value out of range (where Java would saturate).
     */
    static int truncate(double value) {
        if (value > -TWO_31 - 1 && value < TWO_31) {
            return (int) value;
        }
        return Integer.MIN_VALUE;
    }

    /** Truncation towards zero, saturating at the int range (for bounds of our own, not GDAL's). */
    static int saturate(double value) {
        return (int) value;
    }
}
