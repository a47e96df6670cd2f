package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EPSG code of a VRT's SRS is the outermost CRS's, never that of its base CRS, datum or units. */
class SrsCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:32630", "epsg:32630", " EPSG:32630 ", "urn:ogc:def:crs:EPSG::32630",
        "http://www.opengis.net/def/crs/EPSG/0/32630"})
    void readsCodesWrittenAsText(String text) {
        assertEquals(Crs.epsg(32630), SrsCodes.parse(text, "x.vrt"));
    }

    @Test
    void takesTheOutermostAuthorityOfWkt1NotTheGeographicBase() {
        String wkt = "PROJCS[\"WGS 84 / UTM zone 30N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
                + "6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM["
                + "\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\","
                + "\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER["
                + "\"central_meridian\",-3],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],"
                + "AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"32630\"]]";
        assertEquals(Crs.epsg(32630), SrsCodes.parse(wkt, "x.vrt"));
    }

    @Test
    void takesTheOutermostIdOfWkt2() {
        String wkt = "PROJCRS[\"ETRS89 / LAEA Europe\",BASEGEOGCRS[\"ETRS89\",ENSEMBLE[\"ETRS89\",MEMBER[\"a\"],"
                + "ELLIPSOID[\"GRS 1980\",6378137,298.257222101,LENGTHUNIT[\"metre\",1]]],ID[\"EPSG\",4258]],"
                + "CONVERSION[\"LAEA\",METHOD[\"Lambert Azimuthal Equal Area\",ID[\"EPSG\",9820]]],"
                + "CS[Cartesian,2],AXIS[\"northing (Y)\",north],LENGTHUNIT[\"metre\",1],"
                + "USAGE[SCOPE[\"Statistical mapping.\"],BBOX[24.6,-35.58,84.73,44.83]],ID[\"EPSG\",3035]]";
        assertEquals(Crs.epsg(3035), SrsCodes.parse(wkt, "x.vrt"));
    }

    @Test
    void takesTheTopLevelIdOfProjJson() {
        String json = "{\"type\":\"ProjectedCRS\",\"name\":\"WGS 84 / UTM zone 30N\",\"base_crs\":{\"name\":\"WGS 84\","
                + "\"id\":{\"authority\":\"EPSG\",\"code\":4326}},\"conversion\":{\"name\":\"UTM zone 30N\",\"id\":{"
                + "\"authority\":\"EPSG\",\"code\":16030}},\"id\":{\"authority\":\"EPSG\",\"code\":32630}}";
        assertEquals(Crs.epsg(32630), SrsCodes.parse(json, "x.vrt"));
    }

    @Test
    void givesNoCrsForAnEmptySrs() {
        assertEquals(Crs.UNKNOWN, SrsCodes.parse("  ", "x.vrt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+proj=utm +zone=30 +datum=WGS84",
        "PROJCS[\"custom\",GEOGCS[\"WGS 84\",AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Transverse_Mercator\"]]",
        "{\"type\":\"ProjectedCRS\",\"base_crs\":{\"id\":{\"authority\":\"EPSG\",\"code\":4326}}}"})
    void refusesAnSrsWhoseOwnCrsHasNoEpsgCodeEvenIfAnInnerOneHas(String text) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> SrsCodes.parse(text, "x.vrt"));
        assertTrue(e.getMessage().startsWith("x.vrt: ") && e.getMessage().contains("EPSG"), e.getMessage());
    }
}
