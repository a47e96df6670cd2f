package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cogcube.InvalidRegionException;
import org.cogcube.RegionOutsideException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Window;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Cuts on a 10x10 grid of 1 m pixels whose top-left corner is (0, 10): column = x, row = 10 - y.
 * Expected masks are pictures of the window, {@code #} for a kept pixel.
 */
class CutlineTest {

    private static final GridGeometry GRID = new GridGeometry(10, 10, GeoTransform.northUp(0, 10, 1, 1),
            Crs.epsg(32632));

    @Test
    void keepsPixelsWhoseCentreIsInside() {
        Cutline cut = cut("POLYGON ((1 1, 8.6 1, 1 8.6, 1 1))", false);
        assertEquals(Optional.of(Window.of(1, 2, 7, 7)), cut.window());
        assertEquals(PixelMask.parse(
                "#......",
                "##.....",
                "###....",
                "####...",
                "#####..",
                "######.",
                "#######"), cut.mask());
        assertEquals(28, cut.count());
    }

    @Test
    void windowHoldsOnlyPixelsWhollyInsideTheEnvelope() {
        // Column 1's centre (1.5) is inside, but the pixel sticks out of the envelope: not written.
        Cutline cut = cut("POLYGON ((1.4 1.4, 4.6 1.4, 4.6 4.6, 1.4 4.6, 1.4 1.4))", false);
        assertEquals(Optional.of(Window.of(2, 6, 2, 2)), cut.window());
        assertEquals(PixelMask.parse("##", "##"), cut.mask());
        assertFalse(cut.contains(1, 6));
    }

    @Test
    void allTouchedWidensTheWindowAndKeepsEveryPixelARingCrosses() {
        Cutline cut = cut("POLYGON ((1.4 1.4, 4.6 1.4, 4.6 4.6, 1.4 4.6, 1.4 1.4))", true);
        assertEquals(Optional.of(Window.of(1, 5, 4, 4)), cut.window());
        assertEquals(PixelMask.parse("####", "####", "####", "####"), cut.mask());
    }

    @Test
    void holesAreCutOut() {
        Cutline cut = cut("POLYGON ((1 1, 9 1, 9 9, 1 9, 1 1), (3.2 3.2, 6.8 3.2, 6.8 6.8, 3.2 6.8, 3.2 3.2))", false);
        assertEquals(PixelMask.parse(
                "########",
                "########",
                "##....##",
                "##....##",
                "##....##",
                "##....##",
                "########",
                "########"), cut.mask());
    }

    @Test
    void centreOnAnEastOrNorthEdgeIsKeptOnAWestEdgeNot() {
        // Inner edges through pixel centres: x = 4.5 (column 4) and y = 4.5 (row 5).
        assertEquals(PixelMask.parse(
                "####....",
                "####....",
                "####....",
                "####....",
                "########",
                "########",
                "########",
                "########"), cut("POLYGON ((1 1, 9 1, 9 4.5, 4.5 4.5, 4.5 9, 1 9, 1 1))", false).mask());
        // Mirrored: the centres on the edge x = 5.5 (column 5) are west of the region, and dropped.
        assertEquals(PixelMask.parse(
                ".....###",
                ".....###",
                ".....###",
                ".....###",
                "########",
                "########",
                "########",
                "########"), cut("POLYGON ((1 1, 9 1, 9 9, 5.5 9, 5.5 4.5, 1 4.5, 1 1))", false).mask());
    }

    @Test
    void partsFarApartShareOneWindow() {
        Cutline cut = cut("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((8 8, 10 8, 10 10, 8 10, 8 8)))", false);
        assertEquals(Optional.of(Window.of(0, 0, 10, 10)), cut.window());
        assertEquals(8, cut.count());
        assertTrue(cut.contains(0, 9) && cut.contains(9, 0) && !cut.contains(5, 5));
    }

    @Test
    void windowReachesPastTheGridWhereNothingIsKept() {
        Cutline cut = cut("POLYGON ((-3 7, 2 7, 2 12, -3 12, -3 7))", false);
        assertEquals(Optional.of(Window.of(-3, -2, 5, 5)), cut.window());
        assertEquals(Optional.of(Window.of(0, 0, 2, 3)), cut.sourceWindow());
        assertEquals(PixelMask.parse(
                ".....",
                ".....",
                "...##",
                "...##",
                "...##"), cut.mask());
        assertEquals(cut.column(), -3);
        assertEquals(GeoTransform.northUp(-3, 12, 1, 1), cut.grid().transform());
    }

    @Test
    void regionNarrowerThanAPixelGivesAnEmptyCutAsGdalWritesNothing() {
        Cutline cut = cut("POLYGON ((2.2 2.2, 2.8 2.2, 2.8 5.8, 2.2 5.8, 2.2 2.2))", false);
        assertEquals(Optional.empty(), cut.window());
        assertTrue(cut.isEmpty());
        Cutline touched = cut("POLYGON ((2.2 2.2, 2.8 2.2, 2.8 5.8, 2.2 5.8, 2.2 2.2))", true);
        assertEquals(Optional.of(Window.of(2, 4, 1, 4)), touched.window());
        assertEquals(4, touched.count());
    }

    @Test
    void regionWithinOneRowKeepsThatRowAsGdalDoes() {
        Cutline cut = cut("POLYGON ((2 4.2, 6 4.2, 6 4.8, 2 4.8, 2 4.2))", false);
        assertEquals(Optional.of(Window.of(2, 5, 4, 1)), cut.window());
        assertEquals(PixelMask.parse("####"), cut.mask());
    }

    @Test
    void refusesRegionsThatCannotCut() {
        assertThrows(InvalidRegionException.class, () -> cut("POLYGON EMPTY", false));
        InvalidRegionException line = assertThrows(InvalidRegionException.class,
                () -> cut("LINESTRING (1 1, 5 5)", false));
        assertEquals("region: a LineString cannot cut a grid, expected a Polygon or MultiPolygon", line.getMessage());
        InvalidRegionException bowTie = assertThrows(InvalidRegionException.class,
                () -> cut("POLYGON ((1 1, 5 5, 5 1, 1 5, 1 1))", false));
        assertTrue(bowTie.getMessage().startsWith("region: invalid polygon: Self-intersection at 3.0 3.0"),
                bowTie.getMessage());
    }

    @Test
    void refusesRegionsOutsideTheGrid() {
        RegionOutsideException e = assertThrows(RegionOutsideException.class,
                () -> cut("POLYGON ((20 20, 30 20, 30 30, 20 30, 20 20))", false));
        assertEquals("region (envelope minX 20.0, minY 20.0, maxX 30.0, maxY 30.0) shares no point with the grid"
                + " (envelope minX 0.0, minY 0.0, maxX 10.0, maxY 10.0, EPSG:32632)", e.getMessage());
        // Around the grid but not over it: a frame with the grid in its hole.
        assertThrows(RegionOutsideException.class, () -> cut(
                "POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 -1, -1 11, 11 11, 11 -1, -1 -1))", false));
    }

    @Test
    void refusesRotatedGrids() {
        GridGeometry rotated = new GridGeometry(10, 10, new GeoTransform(0, 1, 0.1, 10, 0.1, -1), Crs.UNKNOWN);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Cutline.of(wkt("POLYGON ((1 1, 5 1, 5 5, 1 5, 1 1))"), rotated, false));
        assertTrue(e.getMessage().startsWith("cannot cut a grid that is not north-up"), e.getMessage());
    }

    @Test
    void refusesARegionInAnotherCrs() {
        Region region = Regions.parseWkt("POLYGON ((1 1, 5 1, 5 5, 1 5, 1 1))", Crs.epsg(4326));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cutline.of(region, GRID, false));
        assertEquals("region is in EPSG:4326 but the grid is in EPSG:32632: reproject the region to the grid's"
                + " CRS first", e.getMessage());
    }

    @Test
    void scalesToLargeRegions() {
        GridGeometry big = new GridGeometry(10980, 10980, GeoTransform.northUp(300000, 5000040, 10, 10),
                Crs.epsg(32632));
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        int n = 20000;
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            double r = 50000 * (0.8 + 0.2 * Math.sin(7 * a));
            wkt.append(i == 0 ? "" : ", ").append(354900 + r * Math.cos(a)).append(' ')
                    .append(4945140 + r * Math.sin(a));
        }
        Cutline cut = Cutline.of(wkt(wkt.append("))").toString()), big, false);
        assertTrue(cut.count() > 50_000_000L, "kept " + cut.count());
    }

    private static Cutline cut(String wkt, boolean allTouched) {
        return Cutline.of(wkt(wkt), GRID, allTouched);
    }

    private static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new AssertionError(wkt, e);
        }
    }
}
