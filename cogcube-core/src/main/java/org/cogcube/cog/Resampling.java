package org.cogcube.cog;

import java.util.Locale;

/** How overview pixels are computed from the level above, named as GDAL names its methods. */
public enum Resampling {
    /** The source pixel at the centre of the overview pixel: for any layer, keeps exact values. */
    NEAREST,
    /** The mean of the valid (not nodata, not NaN) source pixels: for continuous layers (reflectance, rainfall). */
    AVERAGE,
    /** The most frequent valid source value: for categorical layers (land use, cloud classes). */
    MODE;

    /** Parses a method name case-insensitively ({@code average}, {@code nearest}, {@code mode}). */
    public static Resampling parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resampling '" + name + "' (expected nearest, average or mode)");
        }
    }

    /** GDAL's name of the method. */
    public String gdalName() {
        return name();
    }
}
