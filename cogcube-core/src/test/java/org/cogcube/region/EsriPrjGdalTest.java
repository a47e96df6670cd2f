package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cogcube.geo.Crs;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The .prj GDAL writes for a CRS (ESRI's WKT, or OGC's with its authority) maps back to that CRS. */
class EsriPrjGdalTest {

    @ParameterizedTest
    @ValueSource(ints = {4326, 32601, 32630, 32631, 32660, 32701, 32730, 32760, 3857, 4258, 25828, 25832, 25838,
        4269, 26901, 26910, 26923, 4168, 4250, 2136, 25000})
    void theEsriWktGdalWritesForACodeMapsBackToIt(int epsg) {
        String prj = Gdal.output("gdalsrsinfo", "-o", "wkt_esri", "EPSG:" + epsg);
        assertEquals(Crs.epsg(epsg), EsriPrj.crs(prj, "EPSG:" + epsg + ".prj"), prj);
    }

    @ParameterizedTest
    @ValueSource(ints = {4326, 32630, 3035, 2136})
    void anOgcWktWithAnAuthorityMapsToIt(int epsg) {
        String prj = Gdal.output("gdalsrsinfo", "-o", "wkt1", "EPSG:" + epsg);
        assertEquals(Crs.epsg(epsg), EsriPrj.crs(prj, "EPSG:" + epsg + ".prj"), prj);
    }
}
