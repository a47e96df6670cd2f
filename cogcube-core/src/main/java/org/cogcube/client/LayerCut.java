package org.cogcube.client;

import java.time.LocalDate;
import java.util.Objects;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;

/**
 * One band at one date cut to the region and masked: a float32 raster on the cut's grid (the
 * source grid's pixels, its transform moved to the cut's top-left pixel, the layer's CRS), NaN
 * outside the region, where the layer has no data and where clouds are.
 *
 * @param band the band's name
 * @param date the date
 * @param raster one float32 band, nodata NaN
 */
public record LayerCut(String band, LocalDate date, Raster raster) {

    public LayerCut {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(date, "date");
        if (raster.type() != SampleType.FLOAT32 || raster.bandCount() != 1) {
            throw new IllegalArgumentException("expected one float32 band, found " + raster);
        }
    }

    /** Size, transform and CRS of the cut. */
    public GridGeometry grid() {
        return raster.grid();
    }

    /** The values, row by row (NaN for no data). */
    public float[] values() {
        return raster.toFloats(0);
    }
}
