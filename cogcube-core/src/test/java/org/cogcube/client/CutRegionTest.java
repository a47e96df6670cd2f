package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cogcube.geo.Crs;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Regions brought to a grid's CRS as gdalwarp brings a cutline: densified as OGR densifies. */
class CutRegionTest {

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void segmentizeSplitsEdgesAsOgrDoes() throws Exception {
        // What OGR's Segmentize(3) gives (GDAL 3.6): an edge of exactly 3 pieces' length gets 2 points, not 3.
        assertTrue(wkt("POLYGON ((0 0, 2.5 0, 5 0, 7.5 0, 10 0, 10 3, 7.5 2.25, 5 1.5, 2.5 0.75, 0 0))")
                .equalsExact(CutRegion.segmentize(wkt("MULTIPOLYGON (((0 0, 10 0, 10 3, 0 0)))"), 3).getGeometryN(0)));
        assertTrue(wkt("POLYGON ((0 0, 3 0, 6 0, 9 0, 9 3, 9 6, 9 9, 7.2 7.2, 5.4 5.4, 3.6 3.6, 1.8 1.8, 0 0))")
                .equalsExact(CutRegion.segmentize(wkt("MULTIPOLYGON (((0 0, 9 0, 9 9, 0 0)))"), 3).getGeometryN(0),
                        1e-12));
    }

    @Test
    void aRegionInTheGridsCrsIsUsedAsItIs() {
        Region region = Regions.parseWkt("POLYGON ((600100 799100, 600900 799100, 600900 799900, 600100 799100))",
                Crs.epsg(32630));
        CutRegion r = CutRegion.of(region, TestCubes.GRID);
        assertTrue(r.mask().equalsExact(region.geometry()));
        assertEquals(region.geometry().getEnvelopeInternal(), r.crop());
    }

    @Test
    void aWgs84RegionIsDensifiedToAboutAPixelButCroppedToItsVertices() {
        Region region = Query.bbox(-2.09, 7.20, -2.05, 7.23, Crs.epsg(4326));
        CutRegion r = CutRegion.of(region, TestCubes.GRID);
        assertEquals(5, region.geometry().getNumPoints());
        // About 4.4 km by 3.3 km of 10 m pixels: hundreds of points, every edge at most a pixel or so long.
        assertTrue(r.mask().getNumPoints() > 1000, "points: " + r.mask().getNumPoints());
        assertTrue(CutRegion.longestEdge(r.mask()) < 10.5, "longest edge " + CutRegion.longestEdge(r.mask()));
        // The crop is the envelope of the four corners transformed: the bent edges may stick out of it a little.
        assertEquals(r.mask().getEnvelopeInternal().getWidth(), r.crop().getWidth(), 1.0);
        assertEquals(4416, r.crop().getWidth(), 10);
    }
}
