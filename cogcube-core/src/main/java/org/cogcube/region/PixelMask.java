package org.cogcube.region;

import java.util.Arrays;

/**
 * An immutable set of pixels of a window: which pixels are kept. Pixels are addressed by column
 * {@code x} and row {@code y} from the window's top-left pixel, and stored one bit each, row by row.
 */
public final class PixelMask {

    private final int width;
    private final int height;
    private final long[] bits;
    private final long count;

    private PixelMask(int width, int height, long[] bits) {
        this.width = width;
        this.height = height;
        this.bits = bits;
        long n = 0;
        for (long word : bits) {
            n += Long.bitCount(word);
        }
        this.count = n;
    }

    /** A mask of the given size with no pixel kept. */
    public static PixelMask empty(int width, int height) {
        checkSize(width, height);
        return new PixelMask(width, height, new long[words(width, height)]);
    }

    /**
     * A mask from rows of text, {@code '#'} for a kept pixel and {@code '.'} for another (the form
     * {@link #toString()} gives), for tests that read like a picture.
     */
    public static PixelMask parse(String... rows) {
        int height = rows.length;
        int width = height == 0 ? 0 : rows[0].length();
        Builder builder = new Builder(width, height);
        for (int y = 0; y < height; y++) {
            if (rows[y].length() != width) {
                throw new IllegalArgumentException("mask row " + y + " has " + rows[y].length()
                        + " pixels, expected " + width + " like row 0");
            }
            for (int x = 0; x < width; x++) {
                char c = rows[y].charAt(x);
                if (c == '#') {
                    builder.set(x, y);
                } else if (c != '.') {
                    throw new IllegalArgumentException("mask row " + y + " has '" + c + "' at " + x
                            + ", expected '#' (kept) or '.'");
                }
            }
        }
        return builder.build();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether pixel ({@code x}, {@code y}) of the window is kept; false outside the window. */
    public boolean contains(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        long index = (long) y * width + x;
        return (bits[(int) (index >>> 6)] & (1L << index)) != 0;
    }

    /** Number of kept pixels. */
    public long count() {
        return count;
    }

    /** Whether no pixel is kept. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** One byte per pixel, row by row: 1 for a kept pixel, 0 for another. */
    public byte[] toBytes() {
        byte[] bytes = new byte[Math.toIntExact((long) width * height)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ((bits[i >>> 6] >>> i) & 1);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PixelMask o && width == o.width && height == o.height
                && Arrays.equals(bits, o.bits);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(bits);
    }

    /** The mask as rows of {@code '#'} (kept) and {@code '.'}, one line per row. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sb.append(contains(x, y) ? '#' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int words(int width, int height) {
        return Math.toIntExact(((long) width * height + 63) >>> 6);
    }

    private static void checkSize(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("mask size must not be negative: " + width + " x " + height);
        }
    }

    /** Sets pixels one by one, then freezes them into a mask. */
    static final class Builder {
        private final int width;
        private final int height;
        private long[] bits;

        Builder(int width, int height) {
            checkSize(width, height);
            this.width = width;
            this.height = height;
            this.bits = new long[words(width, height)];
        }

        void set(int x, int y) {
            long index = (long) y * width + x;
            bits[(int) (index >>> 6)] |= 1L << index;
        }

        PixelMask build() {
            PixelMask mask = new PixelMask(width, height, bits);
            bits = null;
            return mask;
        }
    }
}
