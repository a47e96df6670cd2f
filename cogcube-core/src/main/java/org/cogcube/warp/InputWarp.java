package org.cogcube.warp;

import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Window;

/**
 * One input warped over one window of the target: plan (map the window's pixels into the input
 * and find the input window they need), read it, then apply the kernel to every target pixel.
 */
final class InputWarp {
    /** Below this scale (target pixels over input pixels, per axis), bilinear stretches its tent, as GDAL does. */
    private static final double FOUR_SAMPLE_SCALE = 0.95;

    private final WarpInput input;
    private final GridGeometry target;
    private final Window window;
    private final Kernel kernel;
    private final int inputWidth;
    private final int inputHeight;

    InputWarp(WarpInput input, GridGeometry target, Window window, Kernel kernel) {
        this.input = input;
        this.target = target;
        this.window = window;
        this.kernel = kernel;
        this.inputWidth = input.source().grid().width();
        this.inputHeight = input.source().grid().height();
    }

    /** Writes this input's values over {@code out} (the window's pixels, row by row) wherever it has data. */
    void paint(double[] out) {
        int w = window.width();
        int h = window.height();
        PixelMapping mapping = new PixelMapping(target, input.source().grid());
        boolean corners = kernel.usesFootprint();
        // Centres: one run of w points per row. Footprints: as GDAL, two runs per row, the top-left
        // corners (c, r) and the bottom-right ones (c + 1, r + 1), each approximated on its own.
        int runs = corners ? 2 : 1;
        double[] columns = new double[w * h * runs];
        double[] inputRows = new double[w * h * runs];
        double[] rowColumns = new double[w];
        double[] rowRows = new double[w];
        for (int r = 0; r < h; r++) {
            for (int run = 0; run < runs; run++) {
                double first = window.column() + (corners ? run : 0.5);
                double row = window.row() + r + (corners ? run : 0.5);
                mapping.mapRow(first, row, w, rowColumns, rowRows);
                int at = (run * h + r) * w;
                System.arraycopy(rowColumns, 0, columns, at, w);
                System.arraycopy(rowRows, 0, inputRows, at, w);
            }
        }
        Bounds b = Bounds.of(columns, inputRows);
        if (b == null) {
            return;
        }
        int margin = kernel == Kernel.BILINEAR ? 2 : 1;
        double halfX = corners ? 0 : b.spanColumns() / Math.max(1, w - 1) / 2;
        double halfY = corners ? 0 : b.spanRows() / Math.max(1, h - 1) / 2;
        int c0 = clamp((int) Math.floor(b.minColumn() - halfX), inputWidth);
        int c1 = clamp((int) Math.ceil(b.maxColumn() + halfX), inputWidth);
        int r0 = clamp((int) Math.floor(b.minRow() - halfY), inputHeight);
        int r1 = clamp((int) Math.ceil(b.maxRow() + halfY), inputHeight);
        if (c1 <= c0 || r1 <= r0) {
            return;
        }
        double scaleX = scale(w, c1 - c0);
        double scaleY = scale(h, r1 - r0);
        boolean fourSample = scaleX >= FOUR_SAMPLE_SCALE && scaleY >= FOUR_SAMPLE_SCALE;
        int extraX = kernel == Kernel.BILINEAR && !fourSample ? (int) Math.ceil(1 / Math.min(1, scaleX)) : 0;
        int extraY = kernel == Kernel.BILINEAR && !fourSample ? (int) Math.ceil(1 / Math.min(1, scaleY)) : 0;
        int pc0 = Math.max(0, c0 - margin - extraX);
        int pr0 = Math.max(0, r0 - margin - extraY);
        int pc1 = Math.min(inputWidth, c1 + margin + extraX);
        int pr1 = Math.min(inputHeight, r1 + margin + extraY);
        Window read = Window.of(pc0, pr0, pc1 - pc0, pr1 - pr0);
        Patch patch = new Patch(pc0, pr0, Warp.readBand(input.source(), read, input.band()),
                Warp.nodataOf(input.source(), input.band()));
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double v;
                if (corners) {
                    int tl = r * w + c;
                    int br = (h + r) * w + c;
                    Footprint f = Footprint.between(columns[tl], inputRows[tl], columns[br], inputRows[br]);
                    if (!f.isFinite() || !Footprint.startsNear(columns[tl], inputRows[tl], inputWidth, inputHeight)) {
                        continue;
                    }
                    v = kernel == Kernel.AVERAGE ? Sampling.average(patch, f, inputWidth, inputHeight)
                            : Sampling.mode(patch, f, inputWidth, inputHeight);
                } else {
                    int i = r * w + c;
                    double x = columns[i];
                    double y = inputRows[i];
                    if (!Sampling.onInput(x, y, inputWidth, inputHeight)) {
                        continue;
                    }
                    v = switch (kernel) {
                        case NEAREST -> Sampling.nearest(patch, x, y);
                        case BILINEAR -> fourSample ? Sampling.bilinear(patch, x, y)
                                : Sampling.wideBilinear(patch, x, y, scaleX, scaleY);
                        default -> throw new IllegalStateException(kernel + " gathers a footprint");
                    };
                }
                if (!Double.isNaN(v)) {
                    out[r * w + c] = v;
                }
            }
        }
    }

    /**
     * Target pixels per input pixel over the window, as GDAL's warp kernel reckons it for a chunk,
     * snapped to the reciprocal of a whole number when within 0.05 of one.
     */
    static double scale(int targetPixels, int inputPixels) {
        double s = (double) targetPixels / inputPixels;
        if (s < 1) {
            double reciprocal = 1 / s;
            int whole = (int) (reciprocal + 0.5);
            if (Math.abs(reciprocal - whole) < 0.05) {
                s = 1.0 / whole;
            }
        }
        return s;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    /** The extent of the finite mapped points, or null when none is finite. */
    private record Bounds(double minColumn, double minRow, double maxColumn, double maxRow) {
        static Bounds of(double[] columns, double[] rows) {
            double minC = Double.POSITIVE_INFINITY;
            double minR = Double.POSITIVE_INFINITY;
            double maxC = Double.NEGATIVE_INFINITY;
            double maxR = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < columns.length; i++) {
                if (Double.isFinite(columns[i]) && Double.isFinite(rows[i])) {
                    minC = Math.min(minC, columns[i]);
                    maxC = Math.max(maxC, columns[i]);
                    minR = Math.min(minR, rows[i]);
                    maxR = Math.max(maxR, rows[i]);
                }
            }
            return minC > maxC ? null : new Bounds(minC, minR, maxC, maxR);
        }

        double spanColumns() {
            return maxColumn - minColumn;
        }

        double spanRows() {
            return maxRow - minRow;
        }
    }
}
