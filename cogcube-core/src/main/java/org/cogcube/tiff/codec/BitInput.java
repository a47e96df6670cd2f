package org.cogcube.tiff.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The input of a deflate stream, read through a 64-bit buffer: {@code bits} holds {@code count}
 * unread bits in its low end, the next input bit lowest. The bits above them are either zero or
 * the correct next input bits, so a refill can OR in eight bytes at a time and advance {@code ip}
 * only by the whole bytes that fit. Past the {@code end} of the input the buffer fills with zeros,
 * counted by {@code ip} running past {@code end}; {@link #checkWithinInput} refuses output made
 * from them. The fields are open to {@link ZlibDecoder}, whose fast loop keeps them in locals.
 */
final class BitInput {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    byte[] src;
    int ip;
    int end;
    long bits;
    int count;

    void start(byte[] src, int from, int end) {
        this.src = src;
        this.ip = from;
        this.end = end;
        this.bits = 0;
        this.count = 0;
    }

    /** Makes at least {@code n} (at most 56) bits available. */
    void need(int n) {
        if (count >= n) {
            return;
        }
        if (ip <= end - 8) {
            bits |= (long) LONGS.get(src, ip) << count;
            ip += (63 - count) >>> 3;
            count |= 56;
        } else {
            refillSlowly();
        }
    }

    private void refillSlowly() {
        while (count < 56) {
            bits |= (long) (ip < end ? src[ip] & 0xFF : 0) << count;
            ip++;
            count += 8;
        }
        if (ip - end > 8) {
            // More than 8 bytes of zeros, and the buffer holds at most 63 bits: some were used.
            throw new ZlibDecoder.TooShort("after all input bytes, before the end of the stream");
        }
    }

    void drop(int n) {
        bits >>>= n;
        count -= n;
    }

    int take(int n) {
        need(n);
        int v = (int) bits & ((1 << n) - 1);
        drop(n);
        return v;
    }

    /** The position of the next whole input byte, skipping what is left of the current one. */
    int bytePosition() {
        return ip - (count >>> 3);
    }

    /** Empties the buffer and goes on reading at input position {@code pos}. */
    void moveTo(int pos) {
        ip = pos;
        bits = 0;
        count = 0;
    }

    /** Refuses output decoded from the zeros read past the end of the input. */
    void checkWithinInput() {
        if ((long) ip * 8 - count > (long) end * 8) {
            throw new ZlibDecoder.TooShort("after all input bytes, before the end of the stream");
        }
    }
}
