package org.cogcube.vrt;

import java.util.List;
import org.cogcube.geo.GridGeometry;

/**
 * A parsed VRT: where it was read from, its grid and its bands.
 *
 * @param location the VRT's own path or URL, against which relative source names were resolved
 * @param grid size, geotransform and CRS
 * @param bands at least one, band 1 first
 */
record VrtDocument(String location, GridGeometry grid, List<VrtBand> bands) {
    VrtDocument {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a VRT needs at least one band");
        }
    }
}
