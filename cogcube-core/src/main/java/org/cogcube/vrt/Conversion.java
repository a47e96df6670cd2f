package org.cogcube.vrt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.cogcube.raster.SampleType;

/**
 * Writing a value as a sample of a band's type, as GDAL converts between data types: to an
 * integer type, a value is rounded half away from zero and clamped to the type's range (NaN
 * gives 0); to a floating-point type, it is cast. GDAL rounds in the precision of the value's own
 * type, so a 32-bit float is rounded in 32-bit arithmetic ({@code 0.49999997f} rounds to 1).
 */
final class Conversion {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.LITTLE_ENDIAN);

    private Conversion() {
    }

    /**
     * Writes {@code value} as sample {@code index} of {@code out}, of type {@code target}.
     *
     * @param single whether the value is a 32-bit float (rounded in 32-bit arithmetic)
     */
    static void put(byte[] out, int index, SampleType target, double value, boolean single) {
        switch (target) {
            case FLOAT32 -> FLOAT.set(out, index * 4, (float) value);
            case FLOAT64 -> DOUBLE.set(out, index * 8, value);
            case UINT8, INT8 -> out[index] = (byte) toInteger(value, target, single);
            case UINT16, INT16 -> SHORT.set(out, index * 2, (short) toInteger(value, target, single));
            case UINT32, INT32 -> INT.set(out, index * 4, (int) toInteger(value, target, single));
        }
    }

    /** The little-endian bytes of one value in a type (a band's fill). */
    static byte[] encode(SampleType target, double value) {
        byte[] out = new byte[target.bytes()];
        put(out, 0, target, value, false);
        return out;
    }

    /** GDAL's rounding and clamping of a value to an integer type. */
    static long toInteger(double value, SampleType target, boolean single) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double rounded;
        if (single) {
            float f = (float) value;
            rounded = f >= 0 ? f + 0.5f : f - 0.5f;
        } else {
            rounded = value >= 0 ? value + 0.5 : value - 0.5;
        }
        double clamped = Math.max(target.minValue(), Math.min(target.maxValue(), rounded));
        return (long) clamped;
    }
}
