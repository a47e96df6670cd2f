package org.cogcube.region;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The precision a cutline's pixel coordinates keep in GDAL 3.6 (a fact of its behaviour, not an
 * accuracy cogcube wants): gdalwarp hands the cutline, once in source pixel coordinates, to the
 * warper as WKT text, and OGR writes each coordinate with 15 significant digits (15 decimals for
 * a value below 1 in magnitude, then trimmed of runs of 0s or 9s that look like binary noise).
 * Reading that text back gives the coordinates the rasteriser sees; this class computes them.
 */
final class WktPrecision {

    private static final int DIGITS = 15;
    private static final MathContext SIGNIFICANT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private WktPrecision() {
    }

    /** Whether OGR writes a coordinate pair as two plain integers (then nothing is lost). */
    static boolean isIntegerPair(double x, double y) {
        return isInt(x) && isInt(y);
    }

    /** A coordinate as OGR's WKT writer spells it, read back as a double. */
    static double roundTrip(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (Math.abs(value) < 1) {
            return Double.parseDouble(trimNoise(fixed(value)));
        }
        return Double.parseDouble(new BigDecimal(value).round(SIGNIFICANT).toString());
    }

    private static boolean isInt(double d) {
        return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE && d == (double) (int) d;
    }

    /** {@code value} with exactly 15 decimals, its sign kept even when it rounds to zero. */
    private static String fixed(double value) {
        String digits = new BigDecimal(value).abs().setScale(DIGITS, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative ? "-" + digits : digits;
    }

    /**
     * OGR's clean-up of a fixed-point spelling with a 0 before the point: a tail like
     * {@code 00000x} loses its last digit; {@code 0000000yx} loses 8 digits; a tail of {@code 99999x}
     * or {@code 9999999yx} is cut and the last kept digit rounded up.
     */
    static String trimNoise(String s) {
        int n = s.length();
        if (s.indexOf('.') < 0 || n <= 10) {
            return s;
        }
        if (run(s, n - 6, n - 2, '0')) {
            return s.substring(0, n - 1);
        }
        if (run(s, n - 9, n - 3, '0')) {
            return s.substring(0, n - 8);
        }
        if (run(s, n - 6, n - 2, '9')) {
            return incrementLastDigit(s.substring(0, n - 6));
        }
        if (run(s, n - 9, n - 3, '9')) {
            return incrementLastDigit(s.substring(0, n - 9));
        }
        return s;
    }

    /** Whether characters {@code from} to {@code to} (inclusive) all equal {@code c}. */
    private static boolean run(String s, int from, int to, char c) {
        if (from < 0 || s.substring(from, to + 1).indexOf('.') >= 0) {
            return false;
        }
        for (int i = from; i <= to; i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    /** Adds one unit of the last digit to a decimal spelling, carrying through 9s. */
    private static String incrementLastDigit(String s) {
        boolean negative = s.startsWith("-");
        char[] digits = (negative ? s.substring(1) : s).toCharArray();
        int i = digits.length - 1;
        for (; i >= 0; i--) {
            if (digits[i] == '.') {
                continue;
            }
            if (digits[i] != '9') {
                digits[i]++;
                break;
            }
            digits[i] = '0';
        }
        String result = (i < 0 ? "1" : "") + new String(digits);
        return negative ? "-" + result : result;
    }
}
