package org.cogcube.geotiff;

/** The GeoKeys cogcube reads and writes, with their codes in the GeoTIFF spec. */
enum GeoKey {
    GT_MODEL_TYPE(1024, "GTModelTypeGeoKey"),
    GT_RASTER_TYPE(1025, "GTRasterTypeGeoKey"),
    GT_CITATION(1026, "GTCitationGeoKey"),
    GEOGRAPHIC_TYPE(2048, "GeographicTypeGeoKey"),
    GEOG_CITATION(2049, "GeogCitationGeoKey"),
    GEOG_GEODETIC_DATUM(2050, "GeogGeodeticDatumGeoKey"),
    GEOG_ANGULAR_UNITS(2054, "GeogAngularUnitsGeoKey"),
    PROJECTED_CS_TYPE(3072, "ProjectedCSTypeGeoKey"),
    PROJECTION(3074, "ProjectionGeoKey"),
    PROJ_COORD_TRANS(3075, "ProjCoordTransGeoKey"),
    PROJ_LINEAR_UNITS(3076, "ProjLinearUnitsGeoKey");

    static final int USER_DEFINED = 32767;
    static final int MODEL_PROJECTED = 1;
    static final int MODEL_GEOGRAPHIC = 2;
    static final int RASTER_PIXEL_IS_AREA = 1;
    static final int RASTER_PIXEL_IS_POINT = 2;

    final int code;
    final String specName;

    GeoKey(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    static String nameOf(int code) {
        for (GeoKey k : values()) {
            if (k.code == code) {
                return k.specName;
            }
        }
        return "GeoKey " + code;
    }
}
