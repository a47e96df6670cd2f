package org.cogcube.cli;

import java.util.Locale;

/** How a command tells a GDAL VRT mosaic from a GeoTIFF: by the name's extension, as GDAL users name them. */
final class Inputs {
    private Inputs() {
    }

    /** Whether a path or URL names a VRT ({@code .vrt}, ignoring a URL's query and case). */
    static boolean isVrt(String location) {
        String path = location;
        int q = path.indexOf('?');
        if (q >= 0 && path.contains("://")) {
            path = path.substring(0, q);
        }
        return path.toLowerCase(Locale.ROOT).endsWith(".vrt");
    }
}
