package org.cogcube.catalog;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;

/** Random catalogues of a seed, for round-trip properties: cubes under file:///cube/ and a few remote files. */
final class RandomCatalogs {
    static final URI FOLDER = URI.create("file:///cube/");
    private static final List<String> NAMES = List.of("B02", "B03", "B04", "B8A", "CLD", "AOT", "NDVI", "SCL");

    private RandomCatalogs() {
    }

    /**
     * A catalogue as STAC can hold it: every layer appears in the first acquisition (STAC has no
     * list of layers; their order comes from the items), grids and bands of any kind.
     */
    static Catalog forStac(long seed) {
        Random r = new Random(seed);
        List<Layer> layers = layers(r, true);
        List<GridGeometry> grids = grids(r);
        List<Acquisition> acquisitions = new ArrayList<>();
        List<LocalDate> dates = dates(r, layers.isEmpty() ? 0 : 1 + r.nextInt(5));
        for (int d = 0; d < dates.size(); d++) {
            List<Asset> assets = new ArrayList<>();
            for (Layer layer : layers) {
                if (d > 0 && r.nextInt(4) == 0) {
                    continue;
                }
                Asset asset = asset(r, layer.name(), dates.get(d));
                if (r.nextInt(5) > 0) {
                    asset = asset.withGrid(grids.get(r.nextInt(grids.size())));
                }
                if (r.nextInt(5) > 0) {
                    asset = asset.withBand(band(r));
                }
                assets.add(asset);
            }
            Collections.shuffle(assets, r);
            acquisitions.add(time(r, dates.get(d), assets));
        }
        Collections.shuffle(acquisitions, r);
        return Catalog.of(layers, acquisitions);
    }

    /** A catalogue as the simple format can hold it: names only, every layer at every date. */
    static Catalog forSimple(long seed) {
        Random r = new Random(seed);
        List<Layer> layers = layers(r, false);
        List<Acquisition> acquisitions = new ArrayList<>();
        for (LocalDate date : dates(r, r.nextInt(6))) {
            List<Asset> assets = new ArrayList<>();
            for (Layer layer : layers) {
                assets.add(asset(r, layer.name(), date));
            }
            acquisitions.add(Acquisition.of(date, assets));
        }
        return Catalog.of(layers, acquisitions);
    }

    private static List<Layer> layers(Random r, boolean withMetadata) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, r);
        List<Layer> layers = new ArrayList<>();
        for (String name : names.subList(0, 1 + r.nextInt(4))) {
            Layer layer = Layer.named(name);
            if (withMetadata && r.nextBoolean()) {
                layer = layer.withSpectral(r.nextBoolean() ? SpectralBand.of(name, "red", 0.665 + r.nextInt(100) / 1e3)
                        : new SpectralBand(name, Optional.empty(), OptionalDouble.empty()));
            }
            layers.add(layer);
        }
        return layers;
    }

    private static List<GridGeometry> grids(Random r) {
        List<GridGeometry> grids = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            double size = List.of(10.0, 20.0, 60.0, 0.000089831528).get(r.nextInt(4));
            int epsg = size < 1 ? 4326 : List.of(32630, 32631, 32730).get(r.nextInt(3));
            double x = size < 1 ? -3 + r.nextDouble() : 199980 + 10 * r.nextInt(50000);
            double y = size < 1 ? 6 + r.nextDouble() : 500000 + 10 * r.nextInt(50000);
            grids.add(new GridGeometry(1 + r.nextInt(2000), 1 + r.nextInt(2000),
                    GeoTransform.northUp(x, y, size, size), r.nextInt(10) == 0 ? Crs.UNKNOWN : Crs.epsg(epsg)));
        }
        return grids;
    }

    private static RasterBand band(Random r) {
        RasterBand band = RasterBand.of(SampleType.values()[r.nextInt(SampleType.values().length)]);
        switch (r.nextInt(4)) {
            case 0 -> band = band.withNodata(0);
            case 1 -> band = band.withNodata(r.nextBoolean() ? Double.NaN : -9999.5);
            case 2 -> band = band.withScaleOffset(r.nextDouble() + 1e-5, r.nextGaussian() * 1e3);
            default -> { }
        }
        return band;
    }

    private static List<LocalDate> dates(Random r, int count) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate date = LocalDate.of(2015 + r.nextInt(8), 1 + r.nextInt(12), 1 + r.nextInt(28));
        for (int i = 0; i < count; i++) {
            dates.add(date);
            date = date.plusDays(1 + r.nextInt(10));
        }
        return dates;
    }

    private static Asset asset(Random r, String layer, LocalDate date) {
        return switch (r.nextInt(6)) {
            case 0 -> Asset.of(layer, URI.create("https://data.example.org/s2/" + date + "_" + layer + ".vrt"));
            case 1 -> Asset.of(layer, FOLDER.resolve("vrt/" + date + "/" + layer + ".vrt"));
            case 2 -> Asset.of(layer, FOLDER.resolve(date + "/" + layer + "%20copy.tif"));
            default -> Asset.of(layer, FOLDER.resolve(date + "/" + layer + ".tif"));
        };
    }

    private static Acquisition time(Random r, LocalDate date, List<Asset> assets) {
        if (r.nextBoolean()) {
            return Acquisition.of(date, assets);
        }
        long seconds = r.nextInt(86400);
        Instant t = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(seconds)
                .plusNanos(r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
        return Acquisition.at(t, assets);
    }
}
