package org.cogcube.tiff.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The output of a deflate stream: bits gathered least significant first in a 64-bit
 * accumulator and stored four bytes at a time into a growable array. The caller makes room
 * with {@link #reserve} before writing what it has measured. The fields are open to
 * {@link DeflateBlockWriter}, whose loop over a block keeps them in locals.
 */
final class BitOutput {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Room past what is reserved: a store writes four or eight bytes when fewer may be due. */
    private static final int SLACK = 8;

    byte[] buf = new byte[1 << 16];
    int pos;
    long acc;
    int count;

    void start() {
        pos = 0;
        acc = 0;
        count = 0;
    }

    /** Makes room for {@code bytes} more bytes of output. */
    void reserve(long bytes) {
        long need = pos + bytes + SLACK;
        if (need > buf.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("deflate output over 2 GiB: " + need + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, buf.length * 2L)));
        }
    }

    /** Appends the low {@code n} bits of {@code value} (n at most 32; the bits above n must be zero). */
    void put(int value, int n) {
        acc |= (value & 0xFFFFFFFFL) << count;
        count += n;
        if (count >= 32) {
            INTS.set(buf, pos, (int) acc);
            pos += 4;
            acc >>>= 32;
            count -= 32;
        }
    }

    /** Pads with zero bits to a whole byte and stores every pending bit. */
    void alignToByte() {
        while (count > 0) {
            buf[pos++] = (byte) acc;
            acc >>>= 8;
            count -= 8;
        }
        acc = 0;
        count = 0;
    }

    /** Appends bytes; call only when aligned to a byte. */
    void putBytes(byte[] src, int off, int len) {
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
    }

    /** The output so far, as a new array; call only when aligned to a byte. */
    byte[] toArray() {
        return Arrays.copyOf(buf, pos);
    }
}
