package org.cogcube.ingest;

import java.util.Objects;

/**
 * One band of a file to ingest: a path or http(s) URL of a GeoTIFF or GDAL VRT, and the band.
 *
 * @param location the file's path or URL
 * @param band the band, 1-based as GDAL numbers them
 */
public record Input(String location, int band) {

    public Input {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("expected the path or URL of an input, found nothing");
        }
        if (band < 1) {
            throw new IllegalArgumentException("bands are numbered from 1, found " + band + " for " + location);
        }
    }

    /** Parses {@code path} (band 1) or {@code path#N} (band N; a fragment is never sent to a server). */
    public static Input parse(String text) {
        int hash = text.lastIndexOf('#');
        if (hash > 0 && text.substring(hash + 1).matches("\\d{1,6}")) {
            return new Input(text.substring(0, hash), Integer.parseInt(text.substring(hash + 1)));
        }
        return new Input(text, 1);
    }

    boolean isVrt() {
        String path = location;
        int q = path.indexOf('?');
        if (q >= 0 && path.contains("://")) {
            path = path.substring(0, q);
        }
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".vrt");
    }

    @Override
    public String toString() {
        return band == 1 ? location : location + "#" + band;
    }
}
