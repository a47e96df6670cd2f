package org.cogcube.catalog;

import java.util.Objects;
import java.util.OptionalDouble;
import org.cogcube.raster.SampleType;

/**
 * What a layer's one band holds, as STAC's raster extension states it ({@code raster:bands}):
 * the sample type, the nodata value and how raw values map to physical ones
 * ({@code physical = raw * scale + offset}).
 *
 * @param type the type of the stored samples
 * @param nodata the value that marks no data (may be NaN), or empty
 * @param scale multiplier of raw values (1 when none); finite and not 0
 * @param offset added to scaled values (0 when none); finite
 */
public record RasterBand(SampleType type, OptionalDouble nodata, double scale, double offset) {

    public RasterBand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nodata, "nodata");
        if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("expected a finite, non-zero scale and a finite offset, found scale "
                    + scale + " and offset " + offset);
        }
        offset += 0.0; // -0 and 0 add nothing alike; keep one of them so equal bands are equal
    }

    /** A band of this type with no nodata, scale 1 and offset 0. */
    public static RasterBand of(SampleType type) {
        return new RasterBand(type, OptionalDouble.empty(), 1, 0);
    }

    public RasterBand withNodata(double value) {
        return new RasterBand(type, OptionalDouble.of(value), scale, offset);
    }

    public RasterBand withScaleOffset(double newScale, double newOffset) {
        return new RasterBand(type, nodata, newScale, newOffset);
    }

    /** The type as STAC's raster extension names it: uint8, int16, float32... */
    public String stacDataType() {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type STAC's raster extension names so, or empty for a type cogcube does not read (cint16, uint64...). */
    static java.util.Optional<SampleType> typeOfStacName(String name) {
        for (SampleType t : SampleType.values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
