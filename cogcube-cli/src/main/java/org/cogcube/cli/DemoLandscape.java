package org.cogcube.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ground of the demo cube: a patchwork of fields (the Voronoi cells of random seeds, as
 * smallholder plots look from above) on a square grid of pixels, each field with its own crop
 * calendar. The same seed gives the same landscape.
 */
final class DemoLandscape {
    private final int size;
    private final List<DemoField> fields;
    private final short[] fieldOfPixel;

    private DemoLandscape(int size, List<DemoField> fields, short[] fieldOfPixel) {
        this.size = size;
        this.fields = fields;
        this.fieldOfPixel = fieldOfPixel;
    }

    /** About one field per {@code 90 x 90} pixels (8 ha at 10 m), each with its calendar. */
    static DemoLandscape generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = Math.max(4, size * size / (90 * 90));
        List<DemoField> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(new DemoField(i, random.nextDouble() * size, random.nextDouble() * size,
                    DemoPhenology.random(random)));
        }
        short[] owner = new short[size * size];
        // Nearest seed per pixel, searching only the seeds of nearby buckets.
        int cell = 128;
        int buckets = (size + cell - 1) / cell;
        List<List<DemoField>> grid = new ArrayList<>();
        for (int i = 0; i < buckets * buckets; i++) {
            grid.add(new ArrayList<>());
        }
        for (DemoField f : fields) {
            grid.get(Math.min(buckets - 1, (int) (f.y() / cell)) * buckets + Math.min(buckets - 1, (int) (f.x() / cell)))
                    .add(f);
        }
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                owner[row * size + col] = (short) nearest(grid, buckets, cell, col + 0.5, row + 0.5, fields).id();
            }
        }
        return new DemoLandscape(size, List.copyOf(fields), owner);
    }

    private static DemoField nearest(List<List<DemoField>> grid, int buckets, int cell, double x, double y,
            List<DemoField> all) {
        int bx = (int) (x / cell);
        int by = (int) (y / cell);
        DemoField best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int ring = 1; ring <= buckets; ring++) {
            for (int j = Math.max(0, by - ring); j <= Math.min(buckets - 1, by + ring); j++) {
                for (int i = Math.max(0, bx - ring); i <= Math.min(buckets - 1, bx + ring); i++) {
                    for (DemoField f : grid.get(j * buckets + i)) {
                        double d = (f.x() - x) * (f.x() - x) + (f.y() - y) * (f.y() - y);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = f;
                        }
                    }
                }
            }
            // Every seed within (ring) cells has been seen; one closer than that cannot hide further out.
            if (best != null && Math.sqrt(bestDistance) <= ring * cell) {
                return best;
            }
        }
        return best != null ? best : all.get(0);
    }

    int size() {
        return size;
    }

    List<DemoField> fields() {
        return fields;
    }

    /** The field that holds the pixel. */
    DemoField fieldAt(int col, int row) {
        return fields.get(fieldOfPixel[row * size + col]);
    }

    /**
     * A square well inside one crop field, inside the swath ({@code outside} tells a pixel beyond its
     * edge; the edge leans right going down, with the outside on its right, so a square's top-right
     * corner is the one to test):
     * {@code {minCol, minRow, maxCol, maxRow}} in pixels. Half the distance from a seed to its
     * nearest neighbour is inside its cell, so a square with that half-diagonal is too.
     */
    int[] fieldSquare(java.util.function.BiPredicate<Integer, Integer> outside) {
        DemoField best = null;
        double bestRadius = 0;
        for (DemoField f : fields) {
            if (!f.phenology().crop()) {
                continue;
            }
            double nearest = Double.MAX_VALUE;
            for (DemoField g : fields) {
                if (g != f) {
                    nearest = Math.min(nearest, Math.hypot(g.x() - f.x(), g.y() - f.y()));
                }
            }
            double radius = Math.min(nearest / 2, Math.min(Math.min(f.x(), f.y()), Math.min(size - f.x(), size - f.y())));
            if (radius > bestRadius && !outside.test((int) (f.x() + radius), (int) Math.max(0, f.y() - radius))) {
                best = f;
                bestRadius = radius;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the demo landscape has no crop field clear of the swath edge");
        }
        int half = (int) Math.min(20, Math.floor(bestRadius / Math.sqrt(2)) - 3);
        int col = (int) best.x();
        int row = (int) best.y();
        return new int[] {col - half, row - half, col + half, row + half};
    }

    /** One field: its seed in pixel coordinates and its crop calendar. */
    record DemoField(int id, double x, double y, DemoPhenology phenology) {
    }
}
