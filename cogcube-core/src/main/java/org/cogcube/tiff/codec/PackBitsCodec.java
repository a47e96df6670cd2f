package org.cogcube.tiff.codec;

import java.util.Arrays;
import org.cogcube.MalformedFileException;

/**
 * Compression 32773: PackBits, a byte-oriented run-length scheme. Each header byte {@code n} is
 * followed by {@code n + 1} literal bytes (0 to 127), or by one byte repeated {@code 1 - n} times
 * (-1 to -127); -128 is a no-op.
 */
final class PackBitsCodec implements Codec {
    static final PackBitsCodec INSTANCE = new PackBitsCodec();

    private static final int MAX_RUN = 128;

    private PackBitsCodec() {
    }

    @Override
    public byte[] decode(byte[] src, int off, int len, int expectedLength) {
        Arguments.checkDecode(src, off, len, expectedLength);
        byte[] out = new byte[expectedLength];
        int in = off;
        int end = off + len;
        int op = 0;
        while (op < expectedLength) {
            if (in >= end) {
                throw new MalformedFileException("PackBits data too short: expected " + expectedLength
                        + " decoded bytes, found " + op + " after all " + len + " input bytes");
            }
            int n = src[in++];
            if (n >= 0) {
                int count = n + 1;
                if (end - in < count) {
                    throw new MalformedFileException("PackBits data truncated: a literal run of " + count
                            + " bytes at input byte " + (in - 1 - off) + " has only " + (end - in) + " bytes left");
                }
                count = Math.min(count, expectedLength - op);
                System.arraycopy(src, in, out, op, count);
                in += n + 1;
                op += count;
            } else if (n != -128) {
                if (in >= end) {
                    throw new MalformedFileException("PackBits data truncated: a repeat run at input byte "
                            + (in - 1 - off) + " has no byte to repeat");
                }
                int count = Math.min(1 - n, expectedLength - op);
                Arrays.fill(out, op, op + count, src[in++]);
                op += count;
            }
        }
        return out;
    }

    /**
     * Encodes runs of three or more equal bytes as repeats (two equal bytes are cheaper as part
     * of a literal), everything else as literals of up to 128 bytes. PackBits has no levels.
     */
    @Override
    public byte[] encode(byte[] src, int off, int len, int level) {
        Arguments.checkEncode(src, off, len);
        // One header per 128 literals at worst, plus one for the last literal stretch.
        byte[] out = new byte[len + len / MAX_RUN + 2];
        int op = 0;
        int end = off + len;
        int literalStart = off;
        int i = off;
        while (i < end) {
            byte b = src[i];
            int run = 1;
            while (run < MAX_RUN && i + run < end && src[i + run] == b) {
                run++;
            }
            if (run >= 3) {
                op = putLiterals(src, literalStart, i, out, op);
                out[op++] = (byte) (1 - run);
                out[op++] = b;
                i += run;
                literalStart = i;
            } else {
                i += run;
            }
        }
        op = putLiterals(src, literalStart, end, out, op);
        return Arrays.copyOf(out, op);
    }

    private static int putLiterals(byte[] src, int from, int to, byte[] out, int op) {
        while (from < to) {
            int count = Math.min(MAX_RUN, to - from);
            out[op++] = (byte) (count - 1);
            System.arraycopy(src, from, out, op, count);
            op += count;
            from += count;
        }
        return op;
    }
}
