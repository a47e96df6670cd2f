package org.cogcube.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cogcube.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** CRSs built from their definitions transform exactly as those the library reads from its EPSG file. */
class ProjectionsTest {

    @Test
    void wgs84AndEveryUtmZoneTransformAsTheLibrarysEpsgFileSays() {
        CRSFactory factory = new CRSFactory();
        var wgs84 = factory.createFromName("EPSG:4326");
        int[] codes = new int[121];
        codes[0] = 4326;
        for (int zone = 1; zone <= 60; zone++) {
            codes[zone] = 32600 + zone;
            codes[60 + zone] = 32700 + zone;
        }
        for (int code : codes) {
            var fromFile = new CoordinateTransformFactory().createTransform(wgs84, factory.createFromName("EPSG:" + code));
            var ours = Projections.transform(Crs.epsg(4326), Crs.epsg(code));
            double lon = code == 4326 ? 12.5 : -183 + 6 * (code % 100) + 1.25;
            for (double lat : new double[] {-60.5, -7.2, -0.001, 0.001, 7.2, 59.9}) {
                ProjCoordinate a = fromFile.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
                ProjCoordinate b = ours.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
                assertEquals(a.x, b.x, 0.0, "EPSG:" + code + " x at " + lon + ", " + lat);
                assertEquals(a.y, b.y, 0.0, "EPSG:" + code + " y at " + lon + ", " + lat);
            }
        }
    }

    @Test
    void otherCodesComeFromTheEpsgFileAndUnknownOnesAreRefusedByName() {
        assertNull(Projections.wgs84Definition(32661)); // UPS North, not a UTM zone
        assertNull(Projections.wgs84Definition(32600));
        assertEquals("EPSG:3857", Projections.of(Crs.epsg(3857)).getName().replace("epsg", "EPSG"));
        var e = assertThrows(UnsupportedFeatureException.class, () -> Projections.of(Crs.epsg(999999)));
        assertEquals(true, e.getMessage().contains("EPSG:999999"), e.getMessage());
    }
}
