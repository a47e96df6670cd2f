package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.LzwCodec.CLEAR;
import static org.cogcube.tiff.codec.LzwCodec.EOI;
import static org.cogcube.tiff.codec.LzwCodec.FIRST_FREE;
import static org.cogcube.tiff.codec.LzwCodec.MAX_BITS;
import static org.cogcube.tiff.codec.LzwCodec.MIN_BITS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;

/**
 * Decodes TIFF LZW.
 *
 * <p>Every string in the table is the previous string plus the first byte of the next one, and
 * the decoder writes them one after the other into the output: so every table entry is a span
 * of output already written, held as a start offset and a length. Decoding a code is then one
 * copy from earlier in the output, with no per-code allocation and no walking of prefix chains.
 *
 * <p>Tolerated, as libtiff tolerates them: a missing EOI at the end of the data, data after the
 * output is full, a full table without a Clear (the table then stops growing).
 */
final class LzwDecoder {
    private static final int TABLE_SIZE = 1 << MAX_BITS;
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle NATIVE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private LzwDecoder() {
    }

    static byte[] decode(byte[] src, int off, int len, int expectedLength) {
        if (len >= 2 && src[off] == 0 && (src[off + 1] & 1) != 0) {
            throw new UnsupportedFeatureException("old-style LZW (least significant bit first, written by"
                    + " libtiff before version 3.0) is not supported; rewrite the file with a current tool");
        }
        byte[] out = new byte[expectedLength];
        int[] start = new int[TABLE_SIZE];
        int[] length = new int[TABLE_SIZE];
        int in = off;
        int end = off + len;
        long bits = 0;
        int bitCount = 0;
        int width = MIN_BITS;
        int mask = (1 << width) - 1;
        int next = FIRST_FREE;
        int previous = -1;
        int previousStart = 0;
        int previousLength = 0;
        int op = 0;
        while (op < expectedLength) {
            if (bitCount < width) {
                if (in <= end - 8) {
                    // Six bytes at once: at most 11 bits are left, so 59 bits fit in the long.
                    bits = (bits << 48) | ((long) BIG_ENDIAN_LONG.get(src, in) >>> 16);
                    in += 6;
                    bitCount += 48;
                } else {
                    do {
                        if (in >= end) {
                            throw new TruncatedDataException(shortData(op, expectedLength, len, "without EOI"));
                        }
                        bits = (bits << 8) | (src[in++] & 0xff);
                        bitCount += 8;
                    } while (bitCount < width);
                }
            }
            bitCount -= width;
            int code = (int) (bits >>> bitCount) & mask;
            if (code < 256 && previous >= 0 || code > EOI && code < next) {
                // The common case: a known code following another.
                int codeStart = op;
                int codeLength;
                if (code < 256) {
                    out[op++] = (byte) code;
                    codeLength = 1;
                } else {
                    codeLength = length[code];
                    if (codeLength <= 8 && op <= expectedLength - 8) {
                        // One 8-byte move; the bytes past the string are garbage that later codes overwrite.
                        NATIVE_LONG.set(out, op, (long) NATIVE_LONG.get(out, start[code]));
                        op += codeLength;
                    } else {
                        op = copy(out, start[code], op, codeLength);
                    }
                }
                if (next < TABLE_SIZE) {
                    start[next] = previousStart;
                    length[next] = previousLength + 1;
                    next++;
                    if (next >= mask && width < MAX_BITS) {
                        width++;
                        mask = (1 << width) - 1;
                    }
                }
                previous = code;
                previousStart = codeStart;
                previousLength = codeLength;
            } else if (code == CLEAR) {
                width = MIN_BITS;
                mask = (1 << width) - 1;
                next = FIRST_FREE;
                previous = -1;
            } else if (code == EOI) {
                throw new MalformedFileException(shortData(op, expectedLength, len, "at EOI"));
            } else if (previous < 0) {
                if (code > 255) {
                    throw new MalformedFileException("corrupt LZW data: expected a literal code (0 to 255) after"
                            + " Clear, found code " + code + " ending in input byte " + (in - off - 1 - bitCount / 8));
                }
                previousStart = op;
                previousLength = 1;
                previous = code;
                out[op++] = (byte) code;
            } else if (code == next && next < TABLE_SIZE) {
                // The string being defined: the previous one plus its own first byte.
                int codeStart = op;
                op = copy(out, previousStart, op, previousLength);
                if (op < expectedLength) {
                    out[op++] = out[previousStart];
                }
                start[next] = previousStart;
                length[next] = previousLength + 1;
                next++;
                if (next >= mask && width < MAX_BITS) {
                    width++;
                    mask = (1 << width) - 1;
                }
                previous = code;
                previousStart = codeStart;
                previousLength = previousLength + 1;
            } else {
                throw new MalformedFileException("corrupt LZW data: code " + code + " is not in the table (next"
                        + " free code " + next + ") ending in input byte " + (in - off - 1 - bitCount / 8));
            }
        }
        return out;
    }

    /** Copies {@code n} bytes from {@code from} to {@code to} (always before it), cut at the output's end. */
    private static int copy(byte[] out, int from, int to, int n) {
        int count = Math.min(n, out.length - to);
        if (count < 16) {
            for (int i = 0; i < count; i++) {
                out[to + i] = out[from + i];
            }
        } else {
            System.arraycopy(out, from, out, to, count);
        }
        return to + count;
    }

    private static String shortData(int produced, int expected, int len, String where) {
        return "LZW data too short: expected " + expected + " decoded bytes, found "
                + produced + " " + where + " after all " + len + " input bytes";
    }
}
