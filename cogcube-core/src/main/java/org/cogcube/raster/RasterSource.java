package org.cogcube.raster;

import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;

/**
 * Something that gives the samples of any window of an image, all bands at once: an opened
 * GeoTIFF, a raster in memory, a generator. Writers pull from a source strip by strip, so an
 * image larger than memory streams through.
 */
public interface RasterSource {

    SampleType type();

    int bandCount();

    /** Size, geotransform and CRS of the whole image. */
    GridGeometry grid();

    OptionalDouble nodata();

    /** The samples of every band over a window that lies within the image. */
    Raster read(Window window);

    /** Per band, the scale of raw values (1 when none). */
    default double[] scales() {
        double[] s = new double[bandCount()];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    /** Per band, the offset of raw values (0 when none). */
    default double[] offsets() {
        return new double[bandCount()];
    }

    /** A source over a raster held in memory. */
    static RasterSource of(Raster raster) {
        return new InMemorySource(raster);
    }
}
