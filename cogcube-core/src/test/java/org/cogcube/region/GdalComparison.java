package org.cogcube.region;

import java.util.ArrayList;
import java.util.List;
import org.cogcube.InvalidRegionException;
import org.cogcube.RegionOutsideException;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.locationtech.jts.geom.Geometry;

/**
 * Compares cogcube's cut of a region with gdalwarp's output, pixel by pixel, and collects what
 * differs in words a reader can act on.
 */
final class GdalComparison {

    /** One region cut both ways. */
    record Case(String name, Geometry region, boolean allTouched) {
        @Override
        public String toString() {
            return name + (allTouched ? " (all touched)" : "") + ": " + region;
        }
    }

    private final GridGeometry source;
    private final List<String> mismatches = new ArrayList<>();
    private int compared;
    private int gdalRefused;
    private int pixelSizeNotExact;
    private long keptPixels;

    GdalComparison(GridGeometry source) {
        this.source = source;
    }

    /** Compares a cut with GDAL's {@code -crop_to_cutline} output. */
    void compareCrop(Case c, GdalWarpCuts.Output gdal) {
        compared++;
        Cutline cut;
        try {
            cut = Cutline.of(c.region(), source, c.allTouched());
        } catch (InvalidRegionException e) {
            gdalRefused += gdal.failed() ? 1 : 0;
            if (!gdal.failed() || !gdal.error().contains("invalid")) {
                mismatches.add(c + "\n  cogcube refused it (" + e.getMessage() + ") but GDAL "
                        + (gdal.failed() ? "failed otherwise: " + gdal.error() : "cut it"));
            }
            return;
        } catch (RegionOutsideException e) {
            if (!gdal.failed() && countKept(gdal) > 0) {
                mismatches.add(c + "\n  cogcube says outside but GDAL kept " + countKept(gdal) + " pixels");
            }
            return;
        }
        if (cut.window().isEmpty()) {
            if (!gdal.failed()) {
                mismatches.add(c + "\n  cogcube's window is empty (" + cut.width() + "x" + cut.height()
                        + ") but GDAL wrote " + gdal.width() + "x" + gdal.height());
            } else {
                gdalRefused++;
            }
            return;
        }
        if (gdal.failed()) {
            mismatches.add(c + "\n  GDAL failed (" + gdal.error() + ") but cogcube cut " + cut.width() + "x"
                    + cut.height() + " at " + cut.column() + "," + cut.row());
            return;
        }
        Normalized out = Normalized.of(gdal);
        GeoTransform ours = cut.grid().transform();
        StringBuilder problems = new StringBuilder();
        if (out.width != cut.width() || out.height != cut.height()) {
            problems.append("\n  size: GDAL ").append(out.width).append('x').append(out.height).append(", cogcube ")
                    .append(cut.width()).append('x').append(cut.height());
        }
        if (out.originX != ours.originX() || out.originY != ours.originY()) {
            problems.append("\n  origin: GDAL ").append(out.originX).append(", ").append(out.originY)
                    .append(", cogcube ").append(ours.originX()).append(", ").append(ours.originY());
        }
        if (out.pixelWidth != ours.xPerColumn() || out.pixelHeight != ours.yPerRow()) {
            pixelSizeNotExact++;
            // GDAL divides its snapped extent by the pixel count: the rounding of the extent's two
            // coordinates (a few ulps of their magnitude) spreads over the pixels.
            double slackX = 4 * Math.ulp(Math.abs(out.originX) + Math.abs(out.pixelWidth) * out.width) / out.width;
            double slackY = 4 * Math.ulp(Math.abs(out.originY) + Math.abs(out.pixelHeight) * out.height) / out.height;
            if (Math.abs(out.pixelWidth - ours.xPerColumn()) > slackX
                    || Math.abs(out.pixelHeight - ours.yPerRow()) > slackY) {
                problems.append("\n  pixel size: GDAL ").append(out.pixelWidth).append(" x ").append(out.pixelHeight)
                        .append(", cogcube ").append(ours.xPerColumn()).append(" x ").append(ours.yPerRow());
            }
        }
        if (problems.length() == 0) {
            comparePixels(c, cut, out, problems);
        }
        if (problems.length() > 0) {
            mismatches.add(c + problems.toString());
        }
    }

    /** Compares a cut's mask with GDAL's output on the cut's own grid ({@code -te}, {@code -tr}). */
    void compareOnGrid(Case c, GdalWarpCuts.Output gdal) {
        compared++;
        Cutline cut = Cutline.of(c.region(), source, c.allTouched());
        if (gdal.failed()) {
            mismatches.add(c + "\n  GDAL failed: " + gdal.error());
            return;
        }
        Normalized out = Normalized.of(gdal);
        StringBuilder problems = new StringBuilder();
        if (out.width != cut.width() || out.height != cut.height()) {
            problems.append("\n  size: GDAL ").append(out.width).append('x').append(out.height).append(", cogcube ")
                    .append(cut.width()).append('x').append(cut.height());
        } else {
            comparePixels(c, cut, out, problems);
        }
        if (problems.length() > 0) {
            mismatches.add(c + problems.toString());
        }
    }

    private void comparePixels(Case c, Cutline cut, Normalized out, StringBuilder problems) {
        StringBuilder gdalPicture = new StringBuilder();
        boolean differ = false;
        for (int y = 0; y < out.height; y++) {
            for (int x = 0; x < out.width; x++) {
                float v = out.values[y * out.width + x];
                boolean gdalKept = v != GdalWarpCuts.NODATA;
                int column = cut.column() + x;
                int row = cut.row() + y;
                if (gdalKept && v != GdalWarpCuts.sourceValue(column, row)) {
                    problems.append("\n  GDAL's pixel ").append(x).append(',').append(y).append(" holds ").append(v)
                            .append(", the value of another source pixel than ").append(column).append(',')
                            .append(row);
                    return;
                }
                differ |= gdalKept != cut.contains(column, row);
                gdalPicture.append(gdalKept ? '#' : '.');
            }
            gdalPicture.append('\n');
        }
        keptPixels += cut.count();
        if (differ) {
            problems.append("\n  masks differ; GDAL:\n").append(gdalPicture).append("  cogcube:\n").append(cut.mask());
        }
    }

    private static long countKept(GdalWarpCuts.Output gdal) {
        long n = 0;
        for (float v : gdal.values()) {
            n += v != GdalWarpCuts.NODATA ? 1 : 0;
        }
        return n;
    }

    List<String> mismatches() {
        return mismatches;
    }

    String summary() {
        return compared + " cuts compared, " + (compared - mismatches.size()) + " equal to GDAL's ("
                + gdalRefused + " that both refuse), " + keptPixels + " kept pixels; GDAL's pixel size differs"
                + " in its last bits in " + pixelSizeNotExact;
    }

    /** GDAL's output turned north-up (it writes a region within one row of pixels south-up). */
    private record Normalized(double originX, double originY, double pixelWidth, double pixelHeight, int width,
            int height, float[] values) {
        static Normalized of(GdalWarpCuts.Output o) {
            double[] gt = o.geoTransform();
            if (gt[5] < 0) {
                return new Normalized(gt[0], gt[3], gt[1], gt[5], o.width(), o.height(), o.values());
            }
            float[] flipped = new float[o.values().length];
            for (int y = 0; y < o.height(); y++) {
                System.arraycopy(o.values(), (o.height() - 1 - y) * o.width(), flipped, y * o.width(), o.width());
            }
            return new Normalized(gt[0], gt[3] + o.height() * gt[5], gt[1], -gt[5], o.width(), o.height(), flipped);
        }
    }
}
