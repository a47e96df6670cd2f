package org.cogcube.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.cogcube.MalformedFileException;

/**
 * The values of one IFD entry: its type, its count and the raw bytes of its values in the
 * file's byte order. Decoded on demand into longs, doubles or text.
 */
public final class TagValue {
    private final int tag;
    private final FieldType type;
    private final int count;
    private final byte[] bytes;
    private final ByteOrder order;

    public TagValue(int tag, FieldType type, int count, byte[] bytes, ByteOrder order) {
        if ((long) count * type.size() != bytes.length) {
            throw new IllegalArgumentException("tag " + tag + ": " + count + " values of " + type
                    + " need " + (long) count * type.size() + " bytes, got " + bytes.length);
        }
        this.tag = tag;
        this.type = type;
        this.count = count;
        this.bytes = bytes;
        this.order = order;
    }

    public int tag() {
        return tag;
    }

    public FieldType type() {
        return type;
    }

    public int count() {
        return count;
    }

    /** The values as integers; fails for rational and floating point types. */
    public long[] longs() {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (type) {
                case BYTE, UNDEFINED, ASCII -> b.get() & 0xFF;
                case SBYTE -> b.get();
                case SHORT -> b.getShort() & 0xFFFF;
                case SSHORT -> b.getShort();
                case LONG, IFD -> b.getInt() & 0xFFFFFFFFL;
                case SLONG -> b.getInt();
                case LONG8, IFD8, SLONG8 -> b.getLong();
                default -> throw new MalformedFileException(Tag.nameOf(tag) + ": expected integer values, found "
                        + type);
            };
        }
        return out;
    }

    /** The first value as an integer. */
    public long firstLong() {
        if (count == 0) {
            throw new MalformedFileException(Tag.nameOf(tag) + ": expected at least one value, found none");
        }
        return longs()[0];
    }

    /** The values as doubles, whatever their numeric type. */
    public double[] doubles() {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (type) {
                case FLOAT -> b.getFloat();
                case DOUBLE -> b.getDouble();
                case RATIONAL -> (b.getInt() & 0xFFFFFFFFL) / (double) (b.getInt() & 0xFFFFFFFFL);
                case SRATIONAL -> b.getInt() / (double) b.getInt();
                default -> Double.NaN;
            };
        }
        if (type != FieldType.FLOAT && type != FieldType.DOUBLE && type != FieldType.RATIONAL
                && type != FieldType.SRATIONAL) {
            long[] l = longs();
            for (int i = 0; i < count; i++) {
                out[i] = l[i];
            }
        }
        return out;
    }

    /** The value as text (ASCII), without the trailing NUL. */
    public String ascii() {
        int n = bytes.length;
        while (n > 0 && bytes[n - 1] == 0) {
            n--;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return Tag.nameOf(tag) + " " + type + "[" + count + "]";
    }

    /** DOUBLE values. */
    public static TagValue ofDoubles(Tag tag, ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return new TagValue(tag.code(), FieldType.DOUBLE, values.length, b.array(), order);
    }

    /** SHORT values (unsigned 16-bit). */
    public static TagValue ofShorts(Tag tag, ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(order);
        for (int v : values) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException(Tag.nameOf(tag.code()) + ": " + v + " does not fit a SHORT");
            }
            b.putShort((short) v);
        }
        return new TagValue(tag.code(), FieldType.SHORT, values.length, b.array(), order);
    }

    /** LONG values (unsigned 32-bit). */
    public static TagValue ofLongs(Tag tag, ByteOrder order, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (long v : values) {
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(Tag.nameOf(tag.code()) + ": " + v + " does not fit a LONG");
            }
            b.putInt((int) v);
        }
        return new TagValue(tag.code(), FieldType.LONG, values.length, b.array(), order);
    }

    /** LONG8 values (BigTIFF's 64-bit). */
    public static TagValue ofLong8s(Tag tag, ByteOrder order, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (long v : values) {
            b.putLong(v);
        }
        return new TagValue(tag.code(), FieldType.LONG8, values.length, b.array(), order);
    }

    /** ASCII text, NUL-terminated as TIFF requires. */
    public static TagValue ofAscii(Tag tag, ByteOrder order, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] withNul = java.util.Arrays.copyOf(t, t.length + 1);
        return new TagValue(tag.code(), FieldType.ASCII, withNul.length, withNul, order);
    }

    /** The raw bytes of the values, in the byte order given at construction. */
    public byte[] rawBytes() {
        return bytes.clone();
    }
}
