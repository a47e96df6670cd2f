package org.cogcube.raster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reading and writing one sample of a type in a little-endian byte array, by sample index. */
public final class Samples {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private Samples() {
    }

    /** The {@code i}-th sample of {@code b}, as a double. */
    public static double get(SampleType type, byte[] b, int i) {
        return switch (type) {
            case UINT8 -> b[i] & 0xFF;
            case INT8 -> b[i];
            case UINT16 -> (short) SHORT.get(b, i * 2) & 0xFFFF;
            case INT16 -> (short) SHORT.get(b, i * 2);
            case UINT32 -> (int) INT.get(b, i * 4) & 0xFFFFFFFFL;
            case INT32 -> (int) INT.get(b, i * 4);
            case FLOAT32 -> (float) FLOAT.get(b, i * 4);
            case FLOAT64 -> (double) DOUBLE.get(b, i * 8);
        };
    }

    /**
     * Stores a value as the {@code i}-th sample of {@code b}: integer types get the value rounded
     * to the nearest integer and clamped to the type's range (NaN becomes 0).
     */
    public static void put(SampleType type, byte[] b, int i, double v) {
        double x = type.isFloatingPoint() ? v : Double.isNaN(v) ? 0
                : Math.max(type.minValue(), Math.min(type.maxValue(), Math.rint(v)));
        switch (type) {
            case UINT8, INT8 -> b[i] = (byte) (long) x;
            case UINT16, INT16 -> SHORT.set(b, i * 2, (short) (long) x);
            case UINT32, INT32 -> INT.set(b, i * 4, (int) (long) x);
            case FLOAT32 -> FLOAT.set(b, i * 4, (float) x);
            case FLOAT64 -> DOUBLE.set(b, i * 8, x);
        }
    }

    /** The little-endian bytes of one value stored as {@link #put} stores it. */
    public static byte[] encode(SampleType type, double value) {
        byte[] b = new byte[type.bytes()];
        put(type, b, 0, value);
        return b;
    }
}
