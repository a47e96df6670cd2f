package org.cogcube.cli;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;

/**
 * The demo cube's layers that are not Sentinel-2's: land use (LULC, uint8 with ESA WorldCover's
 * codes: 40 cropland, 20 shrubland), the same file for every date; and the week's rainfall (RAIN,
 * float32 millimetres) on a coarse grid, following southern Ghana's two rainy seasons (peaks in
 * June and October, dry from December to February).
 */
final class DemoExtras {
    static final int CROPLAND = 40;
    static final int SHRUBLAND = 20;

    private DemoExtras() {
    }

    static Raster landUse(DemoLandscape land, GridGeometry grid) {
        byte[] bytes = new byte[grid.width() * grid.height()];
        for (int row = 0; row < grid.height(); row++) {
            for (int col = 0; col < grid.width(); col++) {
                bytes[row * grid.width() + col] = (byte) (land.fieldAt(col, row).phenology().crop() ? CROPLAND
                        : SHRUBLAND);
            }
        }
        return Raster.wrap(SampleType.UINT8, grid, OptionalDouble.empty(), bytes);
    }

    /** The rainfall of the week ending on {@code date}, in millimetres. */
    static Raster rainfall(GridGeometry grid, LocalDate date, long seed) {
        int day = date.getDayOfYear();
        double major = Math.exp(-Math.pow((day - 165) / 30.0, 2));
        double minor = 0.6 * Math.exp(-Math.pow((day - 285) / 22.0, 2));
        double weekly = 70 * (major + minor) + 2;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 31 + day);
        double storm = 0.4 + 1.2 * random.nextDouble(); // how wet this week is against the season's mean
        byte[] bytes = new byte[grid.width() * grid.height() * 4];
        for (int row = 0; row < grid.height(); row++) {
            for (int col = 0; col < grid.width(); col++) {
                double mm = weekly * storm * (0.85 + 0.03 * (row + col)) * (0.9 + 0.2 * random.nextDouble());
                int bits = Float.floatToIntBits((float) mm);
                int i = 4 * (row * grid.width() + col);
                bytes[i] = (byte) bits;
                bytes[i + 1] = (byte) (bits >>> 8);
                bytes[i + 2] = (byte) (bits >>> 16);
                bytes[i + 3] = (byte) (bits >>> 24);
            }
        }
        return Raster.wrap(SampleType.FLOAT32, grid, OptionalDouble.empty(), bytes);
    }
}
