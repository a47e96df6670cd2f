package org.cogcube.server;

import java.util.Locale;
import java.util.Map;

/** The media type of a file from its extension, and which types are worth compressing. */
final class ContentTypes {
    static final String GEOTIFF = "image/tiff; application=geotiff";
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("tif", GEOTIFF),
            Map.entry("tiff", GEOTIFF),
            Map.entry("json", "application/json"),
            Map.entry("geojson", "application/geo+json"),
            Map.entry("vrt", "application/xml"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("nc", "application/x-netcdf"),
            Map.entry("gpkg", "application/geopackage+sqlite3"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"));

    private ContentTypes() {
    }

    /** The Content-Type for a file name; {@value #OCTET_STREAM} when the extension is unknown. */
    static String of(String fileName) {
        return BY_EXTENSION.getOrDefault(extension(fileName), OCTET_STREAM);
    }

    /** Whether gzip makes files of this name much smaller: text (JSON, XML, CSV), not imagery. */
    static boolean compressible(String fileName) {
        String type = of(fileName);
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/geo+json")
                || type.startsWith("application/xml") || type.startsWith("image/svg+xml");
    }

    /** The short-lived kind: catalogues and other JSON that ingest rewrites whenever a date is added. */
    static boolean catalogue(String fileName) {
        String e = extension(fileName);
        return e.equals("json") || e.equals("geojson");
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
