package org.cogcube.warp;

import java.util.Objects;
import org.cogcube.raster.RasterSource;

/**
 * One band of a raster to warp onto a target grid. The source must have a known CRS.
 *
 * @param source the raster (an opened GeoTIFF or VRT, a raster in memory)
 * @param band the band, 0-based
 * @param name how messages name the input (its path or URL)
 */
public record WarpInput(RasterSource source, int band, String name) {

    public WarpInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        if (band < 0 || band >= source.bandCount()) {
            throw new IllegalArgumentException(name + " has " + source.bandCount() + " band(s); expected band 1 to "
                    + source.bandCount() + ", found " + (band + 1));
        }
        if (!source.grid().crs().isKnown()) {
            throw new IllegalArgumentException(name + " has no CRS cogcube can name (expected an EPSG code)");
        }
    }
}
