package org.cogcube.cli;

import java.util.SplittableRandom;

/**
 * The clouds of one demo date: smooth blobs of cloud probability (0-100, as Sentinel-2's CLD),
 * made of two octaves of value noise, covering a share of the scene set by the season (clear in
 * the dry harmattan months, cloudy in the rains); some dates clear, some overcast.
 */
final class DemoClouds {
    private static final int COARSE = 160;
    private static final int FINE = 40;

    private final double bias;
    private final Lattice coarse;
    private final Lattice fine;

    private DemoClouds(double bias, Lattice coarse, Lattice fine) {
        this.bias = bias;
        this.coarse = coarse;
        this.fine = fine;
    }

    /**
     * The clouds of the date of index {@code index} on day of the year {@code day}. The first
     * date is clear, so a cube always starts with a clean picture.
     */
    static DemoClouds of(int size, int index, int day, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        double rains = 0.5 - 0.5 * Math.cos(2 * Math.PI * (day - 45) / 365.0); // 0 in mid-January, 1 in mid-July
        double draw = random.nextDouble();
        double cover;
        if (index == 0 || draw < 0.35 - 0.25 * rains) {
            cover = 0; // clear
        } else if (draw > 0.95 - 0.25 * rains) {
            cover = 1; // overcast
        } else {
            cover = 0.1 + 0.6 * random.nextDouble() * (0.4 + 0.6 * rains);
        }
        // cover 0 puts the blobs' centres far below the 20% line, 1 far above it.
        double bias = cover == 0 ? -12 : cover == 1 ? 12 : (cover - 0.5) * 6;
        return new DemoClouds(bias, Lattice.random(size, COARSE, random), Lattice.random(size, FINE, random));
    }

    /** The cloud probability (0-100) at a 10 m pixel. */
    int probability(int col, int row) {
        double n = 0.75 * coarse.at(col, row) + 0.25 * fine.at(col, row); // about 0.5 +- 0.2
        double z = (n - 0.5) / 0.12 + bias;
        return (int) Math.round(100 / (1 + Math.exp(-2.5 * z)));
    }

    /** Random values at the corners of square cells, smoothly interpolated in between. */
    private record Lattice(int cell, int across, double[] values) {

        static Lattice random(int size, int cell, SplittableRandom random) {
            int across = size / cell + 2;
            double[] values = new double[across * across];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble();
            }
            return new Lattice(cell, across, values);
        }

        double at(int col, int row) {
            int i = col / cell;
            int j = row / cell;
            double fx = smooth((col % cell) / (double) cell);
            double fy = smooth((row % cell) / (double) cell);
            double top = values[j * across + i] * (1 - fx) + values[j * across + i + 1] * fx;
            double bottom = values[(j + 1) * across + i] * (1 - fx) + values[(j + 1) * across + i + 1] * fx;
            return top * (1 - fy) + bottom * fy;
        }

        private static double smooth(double x) {
            return x * x * (3 - 2 * x);
        }
    }
}
