package org.cogcube.raster;

import org.cogcube.UnsupportedFeatureException;

/**
 * The type of one sample, as TIFF describes it with SampleFormat (1 unsigned integer, 2 signed
 * integer, 3 IEEE float) and BitsPerSample.
 */
public enum SampleType {
    UINT8(1, 8), INT8(2, 8), UINT16(1, 16), INT16(2, 16), UINT32(1, 32), INT32(2, 32),
    FLOAT32(3, 32), FLOAT64(3, 64);

    private final int sampleFormat;
    private final int bits;

    SampleType(int sampleFormat, int bits) {
        this.sampleFormat = sampleFormat;
        this.bits = bits;
    }

    /** The TIFF SampleFormat code: 1 unsigned, 2 signed, 3 float. */
    public int sampleFormat() {
        return sampleFormat;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    public boolean isFloatingPoint() {
        return sampleFormat == 3;
    }

    /** The smallest value this type holds. */
    public double minValue() {
        return switch (this) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
        };
    }

    /** The largest value this type holds. */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 4294967295.0;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
        };
    }

    /** The type for a TIFF SampleFormat and BitsPerSample pair. */
    public static SampleType of(int sampleFormat, int bits) {
        for (SampleType t : values()) {
            if (t.sampleFormat == sampleFormat && t.bits == bits) {
                return t;
            }
        }
        throw new UnsupportedFeatureException("unsupported sample type: SampleFormat " + sampleFormat
                + " with BitsPerSample " + bits + " (supported: 8, 16, 32 bit integers, 32 and 64 bit floats)");
    }

    /** The type named as GDAL names it (Byte, Int8, UInt16, Int16, UInt32, Int32, Float32, Float64). */
    public String gdalName() {
        return switch (this) {
            case UINT8 -> "Byte";
            case INT8 -> "Int8";
            case UINT16 -> "UInt16";
            case INT16 -> "Int16";
            case UINT32 -> "UInt32";
            case INT32 -> "Int32";
            case FLOAT32 -> "Float32";
            case FLOAT64 -> "Float64";
        };
    }
}
