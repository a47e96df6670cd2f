package org.cogcube.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cogcube.client.Extraction;
import org.cogcube.client.LayerCut;
import org.cogcube.client.Statistics;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;

/**
 * A field's NDVI through time, {@code (B08 - B04) / (B08 + B04)} averaged over the pixels valid
 * in both bands ({@link Extraction#evaluate}), one value per date kept; printed as a table with a
 * bar per date.
 */
record NdviSeries(List<Point> points) {

    /** The field's mean NDVI at a date, and how many pixels it averages. */
    record Point(LocalDate date, double ndvi, int pixels) {
    }

    static NdviSeries of(Extraction extraction) {
        List<Point> points = new ArrayList<>();
        for (LayerCut cut : extraction.evaluate("NDVI", "(B08-B04)/(B08+B04)").cuts()) {
            Statistics s = Statistics.of(cut.values(), 0);
            points.add(new Point(cut.date(), s.mean(), Math.toIntExact(s.validPixels())));
        }
        return new NdviSeries(List.copyOf(points));
    }

    /**
     * One line per date: the date, the week's rainfall (mm, blank where unknown), the NDVI, the
     * pixels averaged and a bar from 0 to 1 in {@code width} characters.
     */
    String table(Map<LocalDate, Double> rain, int width) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "  %-10s  %7s  %5s  %6s  %s%n", "date", "rain mm", "NDVI", "pixels",
                "0" + " ".repeat(Math.max(0, width - 2)) + "1"));
        for (Point p : points) {
            int bar = (int) Math.round(Math.max(0, Math.min(1, p.ndvi())) * width);
            Double mm = rain.get(p.date());
            s.append(String.format(Locale.ROOT, "  %-10s  %7s  %5.2f  %6d  %s%n", p.date(),
                    mm == null ? "" : String.format(Locale.ROOT, "%.0f", mm), p.ndvi(), p.pixels(), "#".repeat(bar)));
        }
        return s.toString();
    }

    /** The mean of the finite values of a single-band GeoTIFF (a derived NDVI layer). */
    static double mean(Path file) {
        try (GeoTiff tiff = GeoTiff.open(file)) {
            GridGeometry g = tiff.grid(0);
            Raster r = tiff.read(Window.of(0, 0, g.width(), g.height()), 0);
            double sum = 0;
            long count = 0;
            for (int row = 0; row < g.height(); row++) {
                for (int col = 0; col < g.width(); col++) {
                    double v = r.get(0, col, row);
                    if (Double.isFinite(v)) {
                        sum += v;
                        count++;
                    }
                }
            }
            return count == 0 ? Double.NaN : sum / count;
        }
    }

    /** The mean of one band over the region at each date kept, NaNs left out. */
    static Map<LocalDate, Double> means(Extraction extraction, String band) {
        Map<LocalDate, Double> means = new java.util.TreeMap<>();
        for (LayerCut cut : extraction.band(band)) {
            means.put(cut.date(), Statistics.of(cut.values(), 0).mean());
        }
        return means;
    }
}
