package org.cogcube.tiff;

/** The TIFF, GeoTIFF and GDAL tags cogcube reads or writes, with the spec's codes. */
public enum Tag {
    NEW_SUBFILE_TYPE(254),
    IMAGE_WIDTH(256),
    IMAGE_LENGTH(257),
    BITS_PER_SAMPLE(258),
    COMPRESSION(259),
    PHOTOMETRIC_INTERPRETATION(262),
    STRIP_OFFSETS(273),
    SAMPLES_PER_PIXEL(277),
    ROWS_PER_STRIP(278),
    STRIP_BYTE_COUNTS(279),
    PLANAR_CONFIGURATION(284),
    PREDICTOR(317),
    COLOR_MAP(320),
    TILE_WIDTH(322),
    TILE_LENGTH(323),
    TILE_OFFSETS(324),
    TILE_BYTE_COUNTS(325),
    EXTRA_SAMPLES(338),
    SAMPLE_FORMAT(339),
    MODEL_PIXEL_SCALE(33550),
    MODEL_TIEPOINT(33922),
    MODEL_TRANSFORMATION(34264),
    GEO_KEY_DIRECTORY(34735),
    GEO_DOUBLE_PARAMS(34736),
    GEO_ASCII_PARAMS(34737),
    GDAL_METADATA(42112),
    GDAL_NODATA(42113);

    private final int code;

    Tag(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The tag's name as the spec writes it, e.g. {@code TileOffsets}. */
    public String specName() {
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    /** The name of a tag code: the spec's name where cogcube knows it, else the number. */
    public static String nameOf(int code) {
        for (Tag t : values()) {
            if (t.code == code) {
                return t.specName() + " (" + code + ")";
            }
        }
        return "tag " + code;
    }
}
