package org.cogcube.region;

import java.util.Arrays;

/**
 * Burns a polygon into a {@link Canvas} the way GDAL 3.6's polygon rasteriser does, bit for bit.
 *
 * <p>Each row is cut by a scanline through the pixel centres ({@code row + 0.5}). An edge counts
 * when the scanline lies in {@code [top, bottom)} of the edge (its upper end included, its lower
 * excluded); its crossing {@code x} is rounded to the column {@code floor(x + 0.5)}. The crossings
 * of all rings of the polygon (shell and holes together) are sorted and taken in pairs (even-odd);
 * a pair {@code (a, b)} burns columns {@code a} to {@code b - 1}, that is the pixels whose centre
 * lies in {@code (x1, x2]}. A horizontal edge lying exactly on a scanline burns its own span when
 * it runs right to left in the clockwise ring (the upper side of a shell, or of a hole), and is
 * ignored otherwise.
 *
 * <p>Edges are kept in an active list sorted by their first row, so the cost is proportional to
 * the rows times the edges crossing them, not to the pixels times all edges.
 *
 * <p>The arithmetic (operation order included) is GDAL's, so that a pixel centre lying exactly on
 * an edge, or a vertex exactly on a centre, falls on the same side as in GDAL.
 */
final class Rasterizer {

    private Rasterizer() {
    }

    /** Burns the pixels whose centre GDAL finds inside the polygon, its coordinates shifted by -offset. */
    static void fillCentres(PixelPolygon polygon, int offsetX, int offsetY, Canvas canvas) {
        Edges edges = Edges.of(polygon, offsetX, offsetY);
        if (edges.count == 0) {
            return;
        }
        int firstRow = Math.max(0, Ints.truncate(edges.minY));
        int lastRow = Math.min(canvas.height() - 1, Ints.truncate(edges.maxY));
        int maxColumn = canvas.width() - 1;
        int[] order = edges.byFirstRow();
        int[] active = new int[edges.count];
        int activeCount = 0;
        int next = 0;
        int[] crossings = new int[edges.count];
        for (int row = firstRow; row <= lastRow; row++) {
            double dy = row + 0.5;
            int kept = 0;
            for (int a = 0; a < activeCount; a++) {
                if (edges.lastRow[active[a]] >= row) {
                    active[kept++] = active[a];
                }
            }
            activeCount = kept;
            while (next < order.length && edges.firstRow[order[next]] <= row) {
                int e = order[next++];
                if (edges.lastRow[e] >= row) {
                    active[activeCount++] = e;
                }
            }
            int n = 0;
            for (int a = 0; a < activeCount; a++) {
                int e = active[a];
                double y1 = edges.y1[e];
                double y2 = edges.y2[e];
                if ((y1 < dy && y2 < dy) || (y1 > dy && y2 > dy)) {
                    continue;
                }
                double x1 = edges.x1[e];
                double x2 = edges.x2[e];
                if (y1 == y2) {
                    if (x1 > x2) {
                        int from = Ints.truncate(Math.floor(x2 + 0.5));
                        int to = Ints.truncate(Math.floor(x1 + 0.5));
                        if (from <= maxColumn && to > 0) {
                            canvas.span(row, from, to - 1);
                        }
                    }
                    continue;
                }
                if (y1 > y2) {
                    double t = y1;
                    y1 = y2;
                    y2 = t;
                    t = x1;
                    x1 = x2;
                    x2 = t;
                }
                if (dy < y2 && dy >= y1) {
                    double x = (dy - y1) * (x2 - x1) / (y2 - y1) + x1;
                    crossings[n++] = Ints.truncate(Math.floor(x + 0.5));
                }
            }
            Arrays.sort(crossings, 0, n);
            for (int i = 0; i + 1 < n; i += 2) {
                if (crossings[i] <= maxColumn && crossings[i + 1] > 0) {
                    canvas.span(row, crossings[i], crossings[i + 1] - 1);
                }
            }
        }
    }

    /**
     * The edges of a polygon in canvas coordinates, each as GDAL walks it (from the previous vertex
     * to the next, the closing edge of a ring from its last vertex to its first), with the range of
     * rows whose scanline could meet it.
     */
    private static final class Edges {
        final int count;
        final double[] x1;
        final double[] y1;
        final double[] x2;
        final double[] y2;
        final int[] firstRow;
        final int[] lastRow;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;

        private Edges(int count) {
            this.count = count;
            x1 = new double[count];
            y1 = new double[count];
            x2 = new double[count];
            y2 = new double[count];
            firstRow = new int[count];
            lastRow = new int[count];
        }

        static Edges of(PixelPolygon polygon, int offsetX, int offsetY) {
            Edges edges = new Edges(polygon.vertices());
            int e = 0;
            for (int r = 0; r < polygon.rings(); r++) {
                double[] x = polygon.x(r);
                double[] y = polygon.y(r);
                int n = x.length;
                for (int i = 0; i < n; i++) {
                    int previous = i == 0 ? n - 1 : i - 1;
                    edges.x1[e] = x[previous] - offsetX;
                    edges.y1[e] = y[previous] - offsetY;
                    edges.x2[e] = x[i] - offsetX;
                    edges.y2[e] = y[i] - offsetY;
                    double low = Math.min(edges.y1[e], edges.y2[e]);
                    double high = Math.max(edges.y1[e], edges.y2[e]);
                    edges.minY = Math.min(edges.minY, low);
                    edges.maxY = Math.max(edges.maxY, high);
                    // A generous range: the exact test is made row by row.
                    edges.firstRow[e] = Ints.saturate(Math.floor(low - 0.5) - 1);
                    edges.lastRow[e] = Ints.saturate(Math.ceil(high - 0.5) + 1);
                    e++;
                }
            }
            return edges;
        }

        /** Edge indices by first row (sorting row and index packed in one long). */
        int[] byFirstRow() {
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = ((long) firstRow[i] << 32) | i;
            }
            Arrays.sort(keys);
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = (int) keys[i];
            }
            return order;
        }
    }
}
