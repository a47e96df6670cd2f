package org.cogcube.client;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cogcube.geo.Crs;
import org.cogcube.region.Feature;
import org.cogcube.region.Region;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What to extract from a cube: bands, dates, a region, and how to mask. Immutable; each
 * {@code with...} method returns a changed copy:
 * <pre>{@code
 * Query q = Query.of(Regions.readGeoJson(Path.of("farm.geojson")), "B04", "B08")
 *         .between(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 3, 31))
 *         .withCloudMask("CLD", 20);
 * }</pre>
 *
 * @param bands the layers to cut, in the order results list them; at least one, no repeats
 * @param dates which dates
 * @param region where: polygons in the region's CRS (GeoJSON without a {@code crs} member is WGS84
 *     longitude, latitude), brought to each layer's CRS as gdalwarp brings a cutline
 * @param cloudMask the cloud layer and threshold, or empty for no cloud masking
 * @param allTouched keep every pixel the region touches ({@code -wo CUTLINE_ALL_TOUCHED=TRUE}), not
 *     only those whose centre it contains
 * @param nodataBelow band values below this become NaN (the original's -9990), as do values equal
 *     to the layer's nodata
 */
public record Query(List<String> bands, Dates dates, Region region, Optional<CloudMask> cloudMask,
        boolean allTouched, double nodataBelow) {

    /** The original method's threshold: values below it are nodata. */
    public static final double DEFAULT_NODATA_BELOW = -9990;

    public Query {
        bands = List.copyOf(bands);
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(cloudMask, "cloudMask");
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("expected at least one band, found none");
        }
        if (bands.stream().distinct().count() != bands.size()) {
            throw new IllegalArgumentException("expected each band once, found " + bands);
        }
        if (Double.isNaN(nodataBelow)) {
            throw new IllegalArgumentException("expected nodataBelow to be a number (or -Infinity), found NaN");
        }
    }

    /** A query of these bands over a region, at every date, without cloud masking. */
    public static Query of(Region region, String... bands) {
        return of(region, Arrays.asList(bands));
    }

    /** A query of these bands over a region, at every date, without cloud masking. */
    public static Query of(Region region, List<String> bands) {
        return new Query(bands, Dates.all(), region, Optional.empty(), false, DEFAULT_NODATA_BELOW);
    }

    /** A rectangle as a region: {@code minX, minY, maxX, maxY} in {@code crs} (for EPSG:4326, longitudes first). */
    public static Region bbox(double minX, double minY, double maxX, double maxY, Crs crs) {
        if (!(minX < maxX) || !(minY < maxY)) {
            throw new IllegalArgumentException("expected a bbox with minX < maxX and minY < maxY, found " + minX + ", "
                    + minY + ", " + maxX + ", " + maxY);
        }
        var polygon = new GeometryFactory().toGeometry(new Envelope(minX, maxX, minY, maxY));
        return new Region(List.of(new Feature(Optional.empty(), Map.of(), polygon)), crs);
    }

    public Query withBands(List<String> value) {
        return new Query(value, dates, region, cloudMask, allTouched, nodataBelow);
    }

    public Query withDates(Dates value) {
        return new Query(bands, value, region, cloudMask, allTouched, nodataBelow);
    }

    /** The dates from {@code first} to {@code last}, both included. */
    public Query between(LocalDate first, LocalDate last) {
        return withDates(Dates.between(first, last));
    }

    /** These dates only. */
    public Query on(LocalDate... value) {
        return withDates(Dates.of(Arrays.asList(value)));
    }

    public Query withRegion(Region value) {
        return new Query(bands, dates, value, cloudMask, allTouched, nodataBelow);
    }

    /** Masks with a cloud layer: values above {@code threshold} are cloud. */
    public Query withCloudMask(String layer, double threshold) {
        return new Query(bands, dates, region, Optional.of(new CloudMask(layer, threshold)), allTouched, nodataBelow);
    }

    public Query withoutCloudMask() {
        return new Query(bands, dates, region, Optional.empty(), allTouched, nodataBelow);
    }

    public Query withAllTouched(boolean value) {
        return new Query(bands, dates, region, cloudMask, value, nodataBelow);
    }

    public Query withNodataBelow(double value) {
        return new Query(bands, dates, region, cloudMask, allTouched, value);
    }
}
