package org.cogcube.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What GDAL reports about a raster, reduced to what cogcube's tests compare against.
 *
 * @param width pixels per row
 * @param height rows
 * @param bands one entry per band, band 1 first
 * @param geoTransform GDAL's six coefficients (originX, pixel width, row rotation, originY, column
 *     rotation, pixel height), or null when the file has no georeferencing
 * @param epsg the EPSG code of the CRS, or null when there is no CRS or it has no EPSG code
 * @param wkt the CRS as one-line WKT 1, or null when there is no CRS
 * @param compression IMAGE_STRUCTURE COMPRESSION as GDAL names it (DEFLATE, LZW, ZSTD, PACKBITS), or
 *     null for none
 * @param interleave IMAGE_STRUCTURE INTERLEAVE (PIXEL or BAND), or null
 * @param cogLayout whether GDAL found its COG ghost header (IMAGE_STRUCTURE LAYOUT=COG)
 * @param areaOrPoint the AREA_OR_POINT metadata item (Area or Point), or null
 * @param overviews the sizes of band 1's overviews, largest first
 */
public record GdalInfo(int width, int height, List<Band> bands, double[] geoTransform, Integer epsg,
        String wkt, String compression, String interleave, boolean cogLayout, String areaOrPoint,
        List<Size> overviews) {

    public GdalInfo {
        bands = List.copyOf(bands);
        overviews = List.copyOf(overviews);
        geoTransform = geoTransform == null ? null : geoTransform.clone();
    }

    /**
     * One band.
     *
     * @param dataType GDAL's type name (Byte, UInt16, Int16, UInt32, Int32, Float32, Float64); "Int8"
     *     for a Byte band with PIXELTYPE=SIGNEDBYTE, as GDAL 3.6 reports signed bytes
     * @param nodata the nodata value (NaN allowed), or null when there is none
     * @param scale the band's scale, 1 when unset
     * @param offset the band's offset, 0 when unset
     * @param blockWidth the natural block width (tile width, or image width for strips)
     * @param blockHeight the natural block height (tile height, or rows per strip)
     * @param maskFlags GDAL's mask flags (1 all valid, 2 per dataset, 4 alpha, 8 nodata)
     */
    public record Band(String dataType, Double nodata, double scale, double offset, int blockWidth,
            int blockHeight, int maskFlags) {
    }

    /** A raster size in pixels. */
    public record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    public int bandCount() {
        return bands.size();
    }

    /** Band {@code band}, counted from 1 as GDAL counts. */
    public Band band(int band) {
        return bands.get(band - 1);
    }

    @Override
    public double[] geoTransform() {
        return geoTransform == null ? null : geoTransform.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GdalInfo o && width == o.width && height == o.height
                && bands.equals(o.bands) && Arrays.equals(geoTransform, o.geoTransform)
                && Objects.equals(epsg, o.epsg) && Objects.equals(wkt, o.wkt)
                && Objects.equals(compression, o.compression)
                && Objects.equals(interleave, o.interleave) && cogLayout == o.cogLayout
                && Objects.equals(areaOrPoint, o.areaOrPoint) && overviews.equals(o.overviews);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, bands, Arrays.hashCode(geoTransform), epsg, wkt,
                compression, interleave, cogLayout, areaOrPoint, overviews);
    }

    @Override
    public String toString() {
        return "GdalInfo[" + width + "x" + height + ", bands=" + bands + ", geoTransform="
                + Arrays.toString(geoTransform) + ", epsg=" + epsg + ", compression=" + compression
                + ", interleave=" + interleave + ", cogLayout=" + cogLayout + ", areaOrPoint="
                + areaOrPoint + ", overviews=" + overviews + "]";
    }
}
