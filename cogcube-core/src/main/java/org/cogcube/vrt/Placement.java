package org.cogcube.vrt;

import java.util.Optional;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.Window;

/**
 * Where one source meets a read window: the window of the source raster to read, and for each
 * column and row of the read window that the source paints, the column and row of that read
 * window it takes its value from. Pure arithmetic, done before any I/O.
 *
 * <p>A VRT pixel is painted by a source when its centre lies inside the source's DstRect and
 * the point it maps to lies inside the source raster; it takes the source pixel under that
 * point, {@code srcOff + (centre - dstOff) * srcSize / dstSize} (nearest neighbour). When
 * SrcRect and DstRect have the same size and whole offsets, that is a plain copy.
 *
 * @param read the window of the source raster to read
 * @param column first column of the read window painted, relative to the read window
 * @param row first row of the read window painted, relative to the read window
 * @param srcColumns for each painted column, the column of {@code read} it takes values from
 * @param srcRows for each painted row, the row of {@code read} it takes values from
 */
record Placement(Window read, int column, int row, int[] srcColumns, int[] srcRows) {
    /** The most a source with overviews may be shrunk: GDAL 3.6 switches to a 2x overview at about 1.67. */
    static final double MAX_SHRINK_WITH_OVERVIEWS = 1.5;

    /** Painted columns. */
    int width() {
        return srcColumns.length;
    }

    /** Painted rows. */
    int height() {
        return srcRows.length;
    }

    /** Whether every painted pixel takes the source pixel at the same offset: a copy row by row. */
    boolean isCopy() {
        return isIdentity(srcColumns) && isIdentity(srcRows);
    }

    private static boolean isIdentity(int[] index) {
        for (int i = 0; i < index.length; i++) {
            if (index[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * How a source paints a window of the VRT, or empty when it paints none of it.
     *
     * @param window the VRT window read
     * @param sourceWidth width of the source raster
     * @param sourceHeight height of the source raster
     * @param sourceHasOverviews whether the source raster has overviews (GDAL reads one instead of
     *     the full resolution when shrinking by about 1.67 or more, which cogcube does not do)
     * @param where the VRT, band and source, for messages
     */
    static Optional<Placement> of(Source source, Window window, int sourceWidth, int sourceHeight,
            boolean sourceHasOverviews, String where) {
        Rect src = source.srcRectFor(sourceWidth, sourceHeight);
        Rect dst = source.dstRectFor(sourceWidth, sourceHeight);
        boolean resampled = src.xSize() != dst.xSize() || src.ySize() != dst.ySize();
        if (resampled && !source.resampling().equals("nearest") && !source.resampling().equals("near")) {
            throw new UnsupportedFeatureException(where + ": resampling=\"" + source.resampling() + "\" between"
                    + " SrcRect (" + src + ") and DstRect (" + dst + ") is not supported (only nearest)");
        }
        if (resampled && (src.xOff() < 0 || src.yOff() < 0 || src.endX() > sourceWidth || src.endY() > sourceHeight)) {
            throw new UnsupportedFeatureException(where + ": a SrcRect (" + src + ") reaching outside its raster ("
                    + sourceWidth + " x " + sourceHeight + ") and resampled to a DstRect of another size (" + dst
                    + ") is not supported");
        }
        double shrink = Math.max(src.xSize() / dst.xSize(), src.ySize() / dst.ySize());
        if (sourceHasOverviews && shrink > MAX_SHRINK_WITH_OVERVIEWS) {
            throw new UnsupportedFeatureException(where + ": a SrcRect (" + src + ") shrunk " + shrink + " times into"
                    + " its DstRect (" + dst + ") from a raster with overviews is not supported (GDAL would read an"
                    + " overview; cogcube reads the full resolution)");
        }
        Axis x = Axis.of(src.xOff(), src.xSize(), dst.xOff(), dst.xSize(), window.column(), window.endColumn(),
                sourceWidth);
        Axis y = Axis.of(src.yOff(), src.ySize(), dst.yOff(), dst.ySize(), window.row(), window.endRow(),
                sourceHeight);
        if (x == null || y == null) {
            return Optional.empty();
        }
        Window read = Window.of(x.first, y.first, x.last - x.first + 1, y.last - y.first + 1);
        return Optional.of(new Placement(read, x.start - window.column(), y.start - window.row(),
                x.relativeIndices(), y.relativeIndices()));
    }

    /** The mapping along one axis: painted VRT pixels {@code start ...} take source pixels {@code index[i]}. */
    private record Axis(int start, int[] index, int first, int last) {

        /** Null when no VRT pixel of {@code [from, to)} is painted. */
        static Axis of(double srcOff, double srcSize, double dstOff, double dstSize, int from, int to, int limit) {
            double ratio = srcSize / dstSize;
            int lo = (int) Math.max(from, Math.floor(dstOff) - 1);
            int hi = (int) Math.min(to, Math.ceil(dstOff + dstSize) + 1);
            int start = -1;
            int count = 0;
            int[] index = new int[Math.max(0, hi - lo)];
            for (int p = lo; p < hi; p++) {
                double centre = p + 0.5;
                if (centre < dstOff || centre >= dstOff + dstSize) {
                    continue;
                }
                double s = Math.floor(srcOff + (centre - dstOff) * ratio);
                if (s < 0 || s >= limit) {
                    continue;
                }
                if (start < 0) {
                    start = p;
                } else if (p != start + count) {
                    throw new IllegalStateException("painted pixels are not contiguous at " + p);
                }
                index[count++] = (int) s;
            }
            if (count == 0) {
                return null;
            }
            int[] used = java.util.Arrays.copyOf(index, count);
            return new Axis(start, used, used[0], used[count - 1]);
        }

        int[] relativeIndices() {
            int[] out = new int[index.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = index[i] - first;
            }
            return out;
        }
    }
}
