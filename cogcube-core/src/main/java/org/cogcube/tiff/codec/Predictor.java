package org.cogcube.tiff.codec;

import java.nio.ByteOrder;
import java.util.Objects;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.SampleType;

/**
 * The TIFF predictors (tag 317): a reversible transform of each row of a chunk, applied before
 * compression to make the bytes more alike. Both directions work in place on one chunk of
 * {@code rows} rows of {@code width} pixels of {@code samplesPerPixel} interleaved samples, in
 * the file's byte order; they are pure functions of their arguments and safe to call from many
 * threads on different arrays.
 */
public enum Predictor {
    /** No prediction. */
    NONE(1),
    /**
     * Horizontal differencing: each sample holds its difference from the sample of the same band
     * in the pixel before, computed on the sample's integer value in the file's byte order
     * (bytewise for 8-bit samples). Floats are differenced as integers of the same width, as
     * libtiff does.
     */
    HORIZONTAL(2),
    /**
     * Floating point prediction, for 32 and 64-bit floats: each row's samples are split into
     * byte planes, most significant byte first, and the row of planes is then differenced
     * bytewise with a stride of {@code samplesPerPixel}. The layout of planes does not depend on
     * the file's byte order.
     */
    FLOATING_POINT(3);

    private final int code;

    Predictor(int code) {
        this.code = code;
    }

    /** The value of the TIFF Predictor tag (317). */
    public int code() {
        return code;
    }

    /**
     * The predictor for a Predictor tag value.
     *
     * @throws UnsupportedFeatureException for any other value than 1, 2 or 3
     */
    public static Predictor of(int code) {
        for (Predictor p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new UnsupportedFeatureException("unsupported TIFF predictor " + code
                + "; supported: NONE (1), HORIZONTAL (2), FLOATING_POINT (3)");
    }

    /**
     * Undoes this predictor in place on one decoded chunk (a tile or a strip) starting at {@code off}.
     *
     * @throws UnsupportedFeatureException if this predictor does not apply to {@code type}
     * @throws IllegalArgumentException if the chunk does not fit in {@code data} from {@code off}
     */
    public void decode(byte[] data, int off, int width, int rows, int samplesPerPixel, SampleType type,
            ByteOrder order) {
        check(data, off, width, rows, samplesPerPixel, type, order);
        switch (this) {
            case NONE -> { }
            case HORIZONTAL -> HorizontalDifferencing.decode(data, off, width * samplesPerPixel, rows,
                    samplesPerPixel, type.bytes(), order == ByteOrder.BIG_ENDIAN);
            case FLOATING_POINT -> FloatingPointDifferencing.decode(data, off, width * samplesPerPixel, rows,
                    samplesPerPixel, type.bytes(), order == ByteOrder.BIG_ENDIAN);
        }
    }

    /**
     * Applies this predictor in place on one chunk starting at {@code off}; the exact inverse of
     * {@link #decode}.
     *
     * @throws UnsupportedFeatureException if this predictor does not apply to {@code type}
     * @throws IllegalArgumentException if the chunk does not fit in {@code data} from {@code off}
     */
    public void encode(byte[] data, int off, int width, int rows, int samplesPerPixel, SampleType type,
            ByteOrder order) {
        check(data, off, width, rows, samplesPerPixel, type, order);
        switch (this) {
            case NONE -> { }
            case HORIZONTAL -> HorizontalDifferencing.encode(data, off, width * samplesPerPixel, rows,
                    samplesPerPixel, type.bytes(), order == ByteOrder.BIG_ENDIAN);
            case FLOATING_POINT -> FloatingPointDifferencing.encode(data, off, width * samplesPerPixel, rows,
                    samplesPerPixel, type.bytes(), order == ByteOrder.BIG_ENDIAN);
        }
    }

    private void check(byte[] data, int off, int width, int rows, int samplesPerPixel, SampleType type,
            ByteOrder order) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        if (this == FLOATING_POINT && !type.isFloatingPoint()) {
            throw new UnsupportedFeatureException("the floating point predictor (3) applies to 32 and 64-bit"
                    + " floats only, found " + type + " samples");
        }
        if (width < 0 || rows < 0 || samplesPerPixel < 1) {
            throw new IllegalArgumentException("chunk of " + width + " x " + rows + " pixels of " + samplesPerPixel
                    + " samples: expected width and rows >= 0 and samples per pixel >= 1");
        }
        long size = (long) width * rows * samplesPerPixel * type.bytes();
        if (off < 0 || off + size > data.length || (long) width * samplesPerPixel * type.bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk of " + width + " x " + rows + " pixels of " + samplesPerPixel
                    + " " + type + " samples needs " + size + " bytes from offset " + off + ", array holds "
                    + data.length);
        }
    }
}
