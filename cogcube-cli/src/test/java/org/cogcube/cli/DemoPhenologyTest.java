package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The demo's fields follow a plausible season, and its reflectances give back their NDVI. */
class DemoPhenologyTest {

    @Test
    void everyFieldStaysBetweenBareSoilAndAFullCanopy() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 500; i++) {
            DemoPhenology p = DemoPhenology.random(random);
            double min = 1;
            double max = 0;
            for (int day = 1; day <= 366; day++) {
                min = Math.min(min, p.ndvi(day));
                max = Math.max(max, p.ndvi(day));
            }
            assertTrue(min >= 0.1 && max <= 0.9, p + ": NDVI from " + min + " to " + max + ", expected within 0.1..0.9");
            if (p.crop()) {
                assertTrue(min < 0.2 && max > 0.7, p + ": expected bare soil below 0.2 and a peak above 0.7, found "
                        + min + " to " + max);
            }
        }
    }

    @Test
    void cropIsBareBeforeSowingAndAtItsPeakTwoMonthsLater() {
        DemoPhenology maize = new DemoPhenology(true, 0.15, 0.8, 100, 0);
        assertEquals(0.15, maize.ndvi(90), 1e-9);
        assertEquals(0.8, maize.ndvi(100 + 30 + 30 + 10), 1e-9);
        assertEquals(0.15, maize.ndvi(300), 1e-9);
    }

    @Test
    void redAndNearInfraredGiveBackTheNdvi() {
        for (double ndvi = 0.1; ndvi <= 0.9; ndvi += 0.05) {
            double red = DemoScene.reflectance("B04", ndvi);
            double nir = DemoScene.reflectance("B08", ndvi);
            assertEquals(ndvi, (nir - red) / (nir + red), 1e-9);
        }
    }

    @Test
    void theFirstDateIsClear() {
        DemoClouds clouds = DemoClouds.of(1024, 0, 2, 6);
        for (int row = 0; row < 1024; row += 7) {
            for (int col = 0; col < 1024; col += 7) {
                assertEquals(0, clouds.probability(col, row), "cloud at (" + col + ", " + row + ")");
            }
        }
    }
}
