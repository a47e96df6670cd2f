package org.cogcube.cli;

import java.util.SplittableRandom;

/**
 * The NDVI of one demo field through the year: for a crop, bare soil until sowing, then
 * green-up, a peak, senescence and harvest (with a second, shorter season on some fields, as in
 * southern Ghana's minor season); for bush, a slow swing with the rains.
 *
 * @param crop whether the field is cropped (else bush)
 * @param bare the NDVI of the bare soil (about 0.15)
 * @param peak the NDVI at the peak (about 0.8)
 * @param sowing day of the year of the major season's sowing
 * @param minorSowing day of the year of the minor season's sowing, or 0 for none
 */
record DemoPhenology(boolean crop, double bare, double peak, int sowing, int minorSowing) {

    static DemoPhenology random(SplittableRandom random) {
        boolean crop = random.nextDouble() < 0.8;
        double bare = 0.12 + 0.06 * random.nextDouble();
        double peak = crop ? 0.72 + 0.12 * random.nextDouble() : 0.55 + 0.1 * random.nextDouble();
        int sowing = 85 + random.nextInt(55);
        int minor = crop && random.nextDouble() < 0.4 ? 235 + random.nextInt(20) : 0;
        return new DemoPhenology(crop, bare, peak, sowing, minor);
    }

    /** The NDVI on a day of the year (1-366). */
    double ndvi(int day) {
        if (!crop) {
            // Bush: greenest after the rains' peak (around day 230), driest in the harmattan.
            double season = 0.5 + 0.5 * Math.cos(2 * Math.PI * (day - 230) / 365.0);
            return 0.3 + (peak - 0.3) * season;
        }
        double green = Math.max(season(day - sowing, 30, 30, 25, 30),
                minorSowing == 0 ? 0 : 0.8 * season(day - minorSowing, 25, 25, 15, 25));
        return bare + (peak - bare) * green;
    }

    /**
     * The green share (0 to 1) {@code t} days after sowing: emergence, green-up, peak,
     * senescence (down to dry residue), then harvest leaves bare soil.
     */
    private static double season(int t, int emergence, int greenUp, int plateau, int senescence) {
        if (t < emergence) {
            return 0;
        }
        t -= emergence;
        if (t < greenUp) {
            return smooth(t / (double) greenUp);
        }
        t -= greenUp;
        if (t < plateau) {
            return 1;
        }
        t -= plateau;
        if (t < senescence) {
            return 1 - 0.75 * smooth(t / (double) senescence);
        }
        return 0; // harvested
    }

    private static double smooth(double x) {
        return x * x * (3 - 2 * x);
    }
}
