package org.cogcube.catalog;

import java.net.URI;
import java.util.Locale;

/** The media types of the files a cube's assets point at. */
public final class MediaTypes {

    /** A Cloud Optimized GeoTIFF (STAC's best practice). */
    public static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";

    /** A GeoTIFF not known to be cloud optimized. */
    public static final String GEOTIFF = "image/tiff; application=geotiff";

    /**
     * A GDAL virtual raster (VRT). It has no registered type; it is XML, and this says which XML.
     * Not plain {@code application/xml}: GDAL's STACIT driver (3.6) skips every asset of exactly
     * that type as "not an image", so a cube of VRT layers would not open there.
     */
    public static final String VRT = "application/xml; profile=gdal-vrt";

    /** Bytes of unknown kind. */
    public static final String UNKNOWN = "application/octet-stream";

    private MediaTypes() {
    }

    /** The type guessed from the href's extension: .tif/.tiff a COG (what cubes hold), .vrt a VRT, else unknown. */
    public static String forHref(URI href) {
        String path = href.getPath() == null ? href.getSchemeSpecificPart() : href.getPath();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            return COG;
        }
        if (lower.endsWith(".vrt")) {
            return VRT;
        }
        return UNKNOWN;
    }
}
