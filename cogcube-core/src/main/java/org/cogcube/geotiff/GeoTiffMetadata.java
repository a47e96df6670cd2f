package org.cogcube.geotiff;

import java.util.Map;
import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;
import org.cogcube.tiff.Ifd;

/**
 * What a GeoTIFF says about its pixels beyond their storage: where they are, which value is
 * missing, how raw values scale to physical ones, and GDAL's other metadata items.
 *
 * @param grid size, geotransform and CRS of the full-resolution image
 * @param pixelIsPoint whether the file declares PixelIsPoint (the geotransform is corner-based anyway)
 * @param nodata the nodata value, if any
 * @param scales per band, the scale (1 when absent)
 * @param offsets per band, the offset (0 when absent)
 * @param items dataset-level GDAL metadata items (name to value), e.g. band descriptions are not here
 */
public record GeoTiffMetadata(GridGeometry grid, boolean pixelIsPoint, OptionalDouble nodata, double[] scales,
        double[] offsets, Map<String, String> items) {

    /** Reads the georeferencing and GDAL metadata of a full-resolution IFD. */
    public static GeoTiffMetadata read(Ifd ifd, int width, int height, int bands, String location) {
        Georeferencing geo = Georeferencing.read(ifd, location);
        GdalMetadata gdal = GdalMetadata.read(ifd, bands, location);
        return new GeoTiffMetadata(new GridGeometry(width, height, geo.transform(), geo.crs()), geo.pixelIsPoint(),
                GdalMetadata.nodata(ifd, location), gdal.scales(), gdal.offsets(), gdal.items());
    }
}
