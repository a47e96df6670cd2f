package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;

/**
 * Computes rows of an overview from rows of the level above, as GDAL's overview resampling
 * does: overview pixel {@code i} covers the source interval {@code [i * ratio, (i + 1) * ratio)},
 * {@code ratio = sourceSize / overviewSize}. AVERAGE weights each source pixel by the part of it
 * the interval covers (so a ratio of 2.007 does not drift); MODE counts the pixels the interval
 * touches; NEAREST takes the pixel at {@code floor(i * ratio + 0.5)}. All three give what GDAL's
 * COG driver gives (checked by tests).
 */
final class Downsampler {

    private final SampleType type;
    private final Resampling resampling;
    private final int srcWidth;
    private final int srcHeight;
    private final int dstWidth;
    private final int dstHeight;
    private final double nodata;
    private final boolean hasNodata;
    private final int[] x0;
    private final int[] x1;
    /** Per overview column, the weight of each source column from x0 (AVERAGE). */
    private final double[][] xWeights;
    /** AVERAGE of integer samples of 1 or 2 bytes at a ratio of exactly 2: see {@link #halve}. */
    private final boolean halves;

    Downsampler(SampleType type, Resampling resampling, int srcWidth, int srcHeight, int dstWidth, int dstHeight,
            double nodata, boolean hasNodata) {
        this.type = type;
        this.resampling = resampling;
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.dstWidth = dstWidth;
        this.dstHeight = dstHeight;
        this.nodata = nodata;
        this.hasNodata = hasNodata;
        this.x0 = new int[dstWidth];
        this.x1 = new int[dstWidth];
        this.xWeights = new double[dstWidth][];
        for (int i = 0; i < dstWidth; i++) {
            int[] span = span(i, srcWidth, dstWidth);
            x0[i] = span[0];
            x1[i] = span[1];
            xWeights[i] = weights(i, srcWidth, dstWidth, span);
        }
        this.halves = resampling == Resampling.AVERAGE && !type.isFloatingPoint() && type.bytes() <= 2
                && srcWidth == 2 * dstWidth && srcHeight == 2 * dstHeight;
    }

    /** The source pixels {start, end} that the interval of overview pixel {@code i} touches. */
    static int[] span(int i, int srcSize, int dstSize) {
        double ratio = (double) srcSize / dstSize;
        int a = (int) Math.floor(i * ratio);
        int b = (int) Math.ceil((i + 1) * ratio);
        a = Math.max(0, Math.min(a, srcSize - 1));
        b = Math.max(a + 1, Math.min(b, srcSize));
        return new int[] {a, b};
    }

    /** The part of each source pixel of {@code span} that overview pixel {@code i}'s interval covers. */
    static double[] weights(int i, int srcSize, int dstSize, int[] span) {
        double ratio = (double) srcSize / dstSize;
        double a = i * ratio;
        double b = Math.min(srcSize, (i + 1) * ratio);
        double[] w = new double[span[1] - span[0]];
        for (int j = span[0]; j < span[1]; j++) {
            w[j - span[0]] = Math.max(0, Math.min(j + 1, b) - Math.max(j, a));
        }
        return w;
    }

    /** The source rows {start, end} an overview row needs. */
    int[] sourceRows(int dstRow) {
        if (resampling == Resampling.NEAREST) {
            int y = nearest(dstRow, srcHeight, dstHeight);
            return new int[] {y, y + 1};
        }
        return span(dstRow, srcHeight, dstHeight);
    }

    /** The source pixel GDAL's NEAREST takes for overview pixel {@code i}: {@code floor(i * ratio + 0.5)}. */
    private static int nearest(int i, int srcSize, int dstSize) {
        return Math.min(srcSize - 1, (int) ((double) i * srcSize / dstSize + 0.5));
    }

    /** Computes one overview row of one band from the source rows held in {@code src}. */
    byte[] row(RowBuffer src, int band, int dstRow) {
        if (halves) {
            return halve(src.row(band, 2 * dstRow), src.row(band, 2 * dstRow + 1));
        }
        return weightedRow(src, band, dstRow);
    }

    /**
     * The overview row of two source rows at a ratio of exactly 2 (AVERAGE, integer samples of 1
     * or 2 bytes): each pixel is the mean of its 2 x 2 valid source pixels rounded half up, summed
     * in integers. Every weight of {@link #weightedRow} is then 1, so both give the same values;
     * this one costs a fraction.
     */
    private byte[] halve(ByteBuffer a, ByteBuffer b) {
        byte[] out = new byte[dstWidth * type.bytes()];
        for (int i = 0; i < dstWidth; i++) {
            int s = 2 * i;
            int v0 = sample(a, s);
            int v1 = sample(a, s + 1);
            int v2 = sample(b, s);
            int v3 = sample(b, s + 1);
            int value;
            if (!hasNodata) {
                value = (v0 + v1 + v2 + v3 + 2) >> 2;
            } else {
                int n = (v0 != nodata ? 1 : 0) + (v1 != nodata ? 1 : 0) + (v2 != nodata ? 1 : 0)
                        + (v3 != nodata ? 1 : 0);
                if (n == 0) {
                    put(out, i, nodata);
                    continue;
                }
                int sum = (v0 != nodata ? v0 : 0) + (v1 != nodata ? v1 : 0) + (v2 != nodata ? v2 : 0)
                        + (v3 != nodata ? v3 : 0);
                value = (int) Math.floor((double) sum / n + 0.5);
            }
            putSample(out, i, value);
        }
        return out;
    }

    private int sample(ByteBuffer r, int i) {
        return switch (type) {
            case UINT8 -> r.get(i) & 0xFF;
            case INT8 -> r.get(i);
            case UINT16 -> r.getShort(2 * i) & 0xFFFF;
            default -> r.getShort(2 * i);
        };
    }

    private void putSample(byte[] out, int i, int v) {
        if (type.bytes() == 1) {
            out[i] = (byte) v;
        } else {
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
    }

    /** {@link #row} by the general rule, weighting each source pixel by the part of it a pixel covers. */
    byte[] weightedRow(RowBuffer src, int band, int dstRow) {
        int bytes = type.bytes();
        byte[] out = new byte[dstWidth * bytes];
        int[] ys = sourceRows(dstRow);
        if (resampling == Resampling.NEAREST) {
            ByteBuffer s = src.row(band, ys[0]);
            for (int i = 0; i < dstWidth; i++) {
                s.get(nearest(i, srcWidth, dstWidth) * bytes, out, i * bytes, bytes);
            }
            return out;
        }
        ByteBuffer[] rows = new ByteBuffer[ys[1] - ys[0]];
        for (int y = ys[0]; y < ys[1]; y++) {
            rows[y - ys[0]] = src.row(band, y);
        }
        boolean average = resampling == Resampling.AVERAGE;
        double[] yWeights = weights(dstRow, srcHeight, dstHeight, ys);
        Map<Double, int[]> counts = average ? null : new HashMap<>();
        for (int i = 0; i < dstWidth; i++) {
            double sum = 0;
            double n = 0;
            double best = Double.NaN;
            int bestCount = 0;
            if (counts != null) {
                counts.clear();
            }
            double[] xw = xWeights[i];
            for (int ry = 0; ry < rows.length; ry++) {
                ByteBuffer r = rows[ry];
                for (int x = x0[i]; x < x1[i]; x++) {
                    double v = get(r, x);
                    if (Double.isNaN(v) || (hasNodata && v == nodata)) {
                        continue;
                    }
                    if (average) {
                        double weight = xw[x - x0[i]] * yWeights[ry];
                        sum += v * weight;
                        n += weight;
                    } else {
                        int c = ++counts.computeIfAbsent(v, k -> new int[1])[0];
                        if (c > bestCount) {
                            bestCount = c;
                            best = v;
                        }
                    }
                }
            }
            double value;
            if (average) {
                value = n == 0 ? empty() : sum / n;
                if (n > 0 && !type.isFloatingPoint()) {
                    value = Math.floor(value + 0.5);
                }
            } else {
                value = bestCount == 0 ? empty() : best;
            }
            put(out, i, value);
        }
        return out;
    }

    private double empty() {
        return hasNodata ? nodata : (type.isFloatingPoint() ? Double.NaN : 0);
    }

    /** The {@code i}-th sample of a little-endian row, as {@link Samples#get} reads it from an array. */
    private double get(ByteBuffer b, int i) {
        return switch (type) {
            case UINT8 -> b.get(i) & 0xFF;
            case INT8 -> b.get(i);
            case UINT16 -> b.getShort(i * 2) & 0xFFFF;
            case INT16 -> b.getShort(i * 2);
            case UINT32 -> b.getInt(i * 4) & 0xFFFFFFFFL;
            case INT32 -> b.getInt(i * 4);
            case FLOAT32 -> b.getFloat(i * 4);
            case FLOAT64 -> b.getDouble(i * 8);
        };
    }

    private void put(byte[] b, int i, double v) {
        Samples.put(type, b, i, v);
    }
}
