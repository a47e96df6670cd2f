package org.cogcube.vrt;

import java.nio.ByteBuffer;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;

/**
 * Paints what one source read into the samples of one band of a read window, following a
 * {@link Placement}: a row-by-row copy when types match and nothing is skipped or scaled, else
 * pixel by pixel with GDAL's arithmetic.
 *
 * <p>A SimpleSource's values are converted from the source raster's type to the band's. A
 * ComplexSource works as GDAL 3.6 does, in a working precision: 32-bit floats, or 64-bit when the
 * source raster or the band is of a type a float cannot hold exactly (Int32, UInt32, Float64).
 * A value equal to NODATA in that precision (any NaN when NODATA is NaN) is skipped; others
 * become {@code value * ScaleRatio + ScaleOffset}, computed in 64 bits, kept in the working
 * precision, then converted (so a 32-bit result is rounded to an integer in 32-bit arithmetic).
 */
final class Painter {
    private Painter() {
    }

    /**
     * @param raster what was read from the source raster over {@code placement.read()}
     * @param rasterBand the band of {@code raster} this source takes
     * @param target the VRT band's type
     * @param out the band's samples over the read window, {@code outWidth} per row
     */
    static void paint(Raster raster, int rasterBand, Placement placement, Source source, SampleType target,
            byte[] out, int outWidth) {
        if (source.paintsAsIs() && raster.type() == target && placement.isCopy()) {
            copy(raster, rasterBand, placement, out, outWidth);
            return;
        }
        double[] values = raster.toDoubles(rasterBand);
        int width = raster.width();
        boolean complex = !source.paintsAsIs();
        boolean single = complex ? singleWorkingPrecision(raster.type(), target) : raster.type() == SampleType.FLOAT32;
        boolean hasNodata = complex && source.nodata().isPresent();
        double nodata = hasNodata ? source.nodata().getAsDouble() : 0;
        boolean nanNodata = Double.isNaN(nodata);
        if (single) {
            nodata = (float) nodata;
        }
        double ratio = source.scaleRatio();
        double offset = source.scaleOffset();
        int[] columns = placement.srcColumns();
        int[] rows = placement.srcRows();
        for (int r = 0; r < rows.length; r++) {
            int from = rows[r] * width;
            int to = (placement.row() + r) * outWidth + placement.column();
            for (int c = 0; c < columns.length; c++) {
                double v = values[from + columns[c]];
                if (complex) {
                    if (single) {
                        v = (float) v;
                    }
                    if (hasNodata && (nanNodata ? Double.isNaN(v) : v == nodata)) {
                        continue;
                    }
                    v = v * ratio + offset;
                    if (single) {
                        v = (float) v;
                    }
                }
                Conversion.put(out, to + c, target, v, single);
            }
        }
    }

    /** Whether GDAL 3.6 works in 32-bit floats for a ComplexSource from {@code source} into {@code band}. */
    static boolean singleWorkingPrecision(SampleType source, SampleType band) {
        return !needsDouble(source) && !needsDouble(band);
    }

    private static boolean needsDouble(SampleType t) {
        return t == SampleType.INT32 || t == SampleType.UINT32 || t == SampleType.FLOAT64;
    }

    private static void copy(Raster raster, int rasterBand, Placement placement, byte[] out, int outWidth) {
        ByteBuffer data = raster.data(rasterBand);
        int bytes = raster.type().bytes();
        int rowBytes = placement.width() * bytes;
        for (int r = 0; r < placement.height(); r++) {
            int from = r * raster.width() * bytes;
            int to = ((placement.row() + r) * outWidth + placement.column()) * bytes;
            data.get(from, out, to, rowBytes);
        }
    }
}
