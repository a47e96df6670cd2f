package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cogcube.raster.SampleType;

/** Converting one sample value to and from its little-endian bytes. */
final class Samples {
    private Samples() {
    }

    /** The little-endian bytes of a value in a type (clamped to the type's range, rounded for integers). */
    static byte[] encode(SampleType type, double value) {
        ByteBuffer b = ByteBuffer.allocate(type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        double v = type.isFloatingPoint() ? value : Math.max(type.minValue(), Math.min(type.maxValue(),
                Math.rint(value)));
        switch (type) {
            case UINT8, INT8 -> b.put((byte) (long) v);
            case UINT16, INT16 -> b.putShort((short) (long) v);
            case UINT32, INT32 -> b.putInt((int) (long) v);
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
        }
        return b.array();
    }
}
