package org.cogcube.client;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as Python's {@code repr} prints them: the fewest significant digits that read back as
 * the same double, positional from 1e-4 to below 1e16 ({@code 0.0001}, {@code 1234.5},
 * {@code 3.0}), else in exponent form ({@code 1e-05}, {@code 2.5e+16}); {@code nan}, {@code inf}.
 */
final class Decimals {

    private Decimals() {
    }

    static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(v).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int point = digits.length() - shortest.scale(); // v = 0.DIGITS x 10^point
        String sign = v < 0 ? "-" : "";
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                return sign + "0." + "0".repeat(-point) + digits;
            }
            if (point >= digits.length()) {
                return sign + digits + "0".repeat(point - digits.length()) + ".0";
            }
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /** The decimal of fewest digits that reads back as {@code v}, nearest {@code v} among those. */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == v) {
                return nearest;
            }
            // Next to a power of two the doubles below are closer together than those above: the
            // nearest decimal may miss on one side where its neighbour on the other side reads back.
            BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
            for (BigDecimal neighbour : new BigDecimal[] {nearest.add(step), nearest.subtract(step)}) {
                if (neighbour.doubleValue() == v) {
                    return neighbour;
                }
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
