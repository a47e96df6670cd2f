package org.cogcube.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cogcube.CogcubeException;
import org.cogcube.client.Cube;
import org.cogcube.client.Dropped;
import org.cogcube.client.Extraction;
import org.cogcube.client.LayerCut;
import org.cogcube.client.Query;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;

/**
 * A field's NDVI through time, from any cube: open the catalogue, list its dates, cut the red
 * (B04) and near-infrared (B08) bands to the field with the cloud mask CLD:20, and print the
 * field's mean NDVI, (B08 - B04) / (B08 + B04) over the pixels clear in both bands, date by date.
 *
 * <pre>
 * java -jar target/ndvi-series.jar CATALOG FIELD.geojson [FROM TO]
 * </pre>
 *
 * CATALOG is a path or URL of {@code catalog.json} (or {@code catalog-simple.json}); the field is
 * a GeoJSON polygon in WGS84 longitude, latitude. Output: one line per date kept, tab-separated
 * {@code date ndvi pixels}, then one {@code # dropped} line per band and date left out.
 */
public final class NdviSeries {

    private NdviSeries() {
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: java -jar ndvi-series.jar CATALOG FIELD.geojson [FROM TO]");
            System.exit(2);
        }
        try {
            run(args);
        } catch (CogcubeException e) {
            System.err.println("ndvi-series: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) {
        Cube cube = Cube.open(args[0]);
        List<LocalDate> dates = cube.dates();
        System.out.printf(Locale.ROOT, "# %d dates from %s to %s, layers %s%n", dates.size(), dates.get(0),
                dates.get(dates.size() - 1), String.join(",", cube.layers()));

        Region field = Regions.readGeoJson(Path.of(args[1]));
        Query query = Query.of(field, "B04", "B08").withCloudMask("CLD", 20);
        if (args.length == 4) {
            query = query.between(LocalDate.parse(args[2]), LocalDate.parse(args[3]));
        }
        Extraction extraction = cube.extract(query);

        System.out.println("date\tndvi\tpixels");
        for (LocalDate date : extraction.dates()) {
            LayerCut red = extraction.get("B04", date).orElse(null);
            LayerCut nir = extraction.get("B08", date).orElse(null);
            if (red != null && nir != null) {
                printMean(date, red.values(), nir.values());
            }
        }
        for (Dropped d : extraction.dropped()) {
            System.out.println("# dropped\t" + d.date() + "\t" + d.band() + "\t" + d.reason());
        }
    }

    /** Both bands are cut on the same grid: pixel i of one is pixel i of the other; NaN marks no data. */
    private static void printMean(LocalDate date, float[] red, float[] nir) {
        double sum = 0;
        int pixels = 0;
        for (int i = 0; i < red.length; i++) {
            if (!Float.isNaN(red[i]) && !Float.isNaN(nir[i]) && red[i] + nir[i] > 0) {
                sum += (nir[i] - red[i]) / (double) (nir[i] + red[i]);
                pixels++;
            }
        }
        if (pixels > 0) {
            System.out.printf(Locale.ROOT, "%s\t%.6f\t%d%n", date, sum / pixels, pixels);
        }
    }
}
