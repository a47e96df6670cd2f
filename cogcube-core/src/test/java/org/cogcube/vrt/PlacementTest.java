package org.cogcube.vrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.Window;
import org.junit.jupiter.api.Test;

/** Where a source meets a window is arithmetic alone: which source window to read, which pixels to paint. */
class PlacementTest {

    private static Source source(Rect src, Rect dst, String resampling) {
        return new Source(Source.Kind.SIMPLE, "/c.tif", 0, Optional.of(src), Optional.of(dst), OptionalDouble.empty(),
                1, 0, resampling);
    }

    @Test
    void readsOnlyThePartOfAChunkThatAWindowCrossingItsEdgeCovers() {
        Source chunk = source(new Rect(0, 0, 256, 300), new Rect(256, 0, 256, 300), "nearest");
        Placement p = Placement.of(chunk, Window.of(200, 250, 100, 100), 256, 300, false, "here").orElseThrow();
        assertEquals(Window.of(0, 250, 44, 50), p.read());
        assertEquals(56, p.column());
        assertEquals(0, p.row());
        assertTrue(p.isCopy());
    }

    @Test
    void touchesNothingWhenTheWindowLiesElsewhere() {
        Source chunk = source(new Rect(0, 0, 256, 300), new Rect(256, 0, 256, 300), "nearest");
        assertTrue(Placement.of(chunk, Window.of(0, 0, 256, 500), 256, 300, false, "here").isEmpty());
    }

    @Test
    void clipsASrcRectReachingPastItsRaster() {
        Source s = source(new Rect(-20, 100, 250, 150), new Rect(10, 20, 250, 150), "nearest");
        Placement p = Placement.of(s, Window.full(300, 300), 188, 200, false, "here").orElseThrow();
        assertEquals(Window.of(0, 100, 188, 100), p.read());
        assertEquals(30, p.column());
        assertEquals(20, p.row());
    }

    @Test
    void repeatsSourcePixelsWhenDstRectIsTwiceSrcRect() {
        Source s = source(new Rect(5, 7, 3, 2), new Rect(0, 0, 6, 4), "nearest");
        Placement p = Placement.of(s, Window.full(6, 4), 100, 100, false, "here").orElseThrow();
        assertEquals(Window.of(5, 7, 3, 2), p.read());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, p.srcColumns());
        assertArrayEquals(new int[] {0, 0, 1, 1}, p.srcRows());
    }

    @Test
    void takesThePixelUnderEachCentreWhenShrinking() {
        Source s = source(new Rect(0, 0, 9, 3), new Rect(0, 0, 6, 2), "nearest");
        Placement p = Placement.of(s, Window.full(6, 2), 9, 3, false, "here").orElseThrow();
        assertArrayEquals(new int[] {0, 2, 3, 5, 6, 8}, p.srcColumns());
        assertArrayEquals(new int[] {0, 2}, p.srcRows());
    }

    @Test
    void refusesResamplingASrcRectThatReachesOutsideItsRaster() {
        Source s = source(new Rect(-3.3, 2.5, 50, 40), new Rect(5, 5, 100, 80), "nearest");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Placement.of(s, Window.full(200, 120), 700, 500, false, "m.vrt, band 1, source 1"));
        assertTrue(e.getMessage().contains("outside its raster") && e.getMessage().contains("m.vrt"), e.getMessage());
    }

    @Test
    void refusesShrinkingASourceWithOverviewsByAsMuchAsGdalWouldReadAnOverviewFor() {
        Source s = source(new Rect(0, 0, 170, 170), new Rect(0, 0, 100, 100), "nearest");
        assertTrue(Placement.of(s, Window.full(100, 100), 256, 300, false, "here").isPresent());
        assertTrue(Placement.of(source(new Rect(0, 0, 150, 150), new Rect(0, 0, 100, 100), "nearest"),
                Window.full(100, 100), 256, 300, true, "here").isPresent());
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Placement.of(s, Window.full(100, 100), 256, 300, true, "m.vrt, band 1, source 1"));
        assertTrue(e.getMessage().contains("overview") && e.getMessage().contains("m.vrt"), e.getMessage());
    }

    @Test
    void refusesResamplingOtherThanNearest() {
        Source s = source(new Rect(0, 0, 10, 10), new Rect(0, 0, 20, 20), "bilinear");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Placement.of(s, Window.full(20, 20), 10, 10, false, "m.vrt, band 1, source 1"));
        assertTrue(e.getMessage().contains("bilinear") && e.getMessage().contains("m.vrt"), e.getMessage());
    }
}
