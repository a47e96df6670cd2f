package org.cogcube.geo;

/**
 * A coordinate reference system, known by its EPSG code; {@link #UNKNOWN} when a file has none.
 *
 * @param epsg the EPSG code, or 0 for unknown
 */
public record Crs(int epsg) {

    /** No CRS: the file has no georeferencing, or none cogcube can name. */
    public static final Crs UNKNOWN = new Crs(0);

    public Crs {
        if (epsg < 0) {
            throw new IllegalArgumentException("EPSG code must be positive, got " + epsg);
        }
    }

    public static Crs epsg(int code) {
        return new Crs(code);
    }

    /** Parses {@code EPSG:32630} (case-insensitive) or a bare code. */
    public static Crs parse(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, "EPSG:", 0, 5)) {
            t = t.substring(5);
        }
        try {
            return new Crs(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a CRS as EPSG:code (e.g. EPSG:32630), found '" + text + "'");
        }
    }

    public boolean isKnown() {
        return epsg != 0;
    }

    /** Whether this is a geographic CRS of degrees as far as cogcube can tell (EPSG 4000-4999). */
    public boolean isGeographic() {
        return epsg >= 4000 && epsg < 5000;
    }

    @Override
    public String toString() {
        return isKnown() ? "EPSG:" + epsg : "unknown CRS";
    }
}
