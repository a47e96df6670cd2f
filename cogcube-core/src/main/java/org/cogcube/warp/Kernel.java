package org.cogcube.warp;

import java.util.Locale;

/** How input samples make the value of one target pixel, named as {@code gdalwarp -r} names them. */
public enum Kernel {
    /** The input pixel the target pixel's centre falls in: exact values, any layer. */
    NEAREST,
    /** The distance-weighted mean of the 2 x 2 input pixels around the centre (wider when shrinking). */
    BILINEAR,
    /** The mean of the input pixels under the target pixel's footprint, weighted by how much of each it covers. */
    AVERAGE,
    /** The most frequent value under the footprint (the smallest on a tie): for categorical layers. */
    MODE;

    /** Parses a name case-insensitively ({@code near} is accepted for nearest, as in gdalwarp). */
    public static Kernel parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("NEAR")) {
            return NEAREST;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resampling '" + name
                    + "' (expected nearest, bilinear, average or mode)");
        }
    }

    /** Whether the kernel gathers a footprint (corners are mapped) rather than reading around the centre. */
    boolean usesFootprint() {
        return this == AVERAGE || this == MODE;
    }
}
