package org.cogcube.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cogcube.UnknownLayerException;
import org.cogcube.geo.GridGeometry;

/**
 * A cube: its layers in their fixed order, its acquisitions by date, and its grid where uniform.
 *
 * <p>A catalogue is kept in one canonical form, so that two catalogues of the same cube are equal
 * however they were made or read. The constructor sorts acquisitions by date and assets by layer
 * order, then settles where grids and raster bands live:
 * <ul>
 *   <li>when every asset has a grid (its own or the catalogue's), the most common one (the earliest
 *       on a tie) becomes the catalogue's grid and the assets on it keep none of their own; others
 *       keep theirs. When some asset has no grid at all, the catalogue has none and each asset
 *       keeps its own;</li>
 *   <li>the same for the raster band of each layer's assets and the layer.</li>
 * </ul>
 * {@link #gridOf(Asset)} and {@link #bandOf(Asset)} give an asset's grid and band in either case.
 *
 * @param grid the grid most assets share, or empty
 * @param layers the layers, in the cube's order (that of the simple catalogue)
 * @param acquisitions the acquisitions, sorted by date, one per date
 */
public record Catalog(Optional<GridGeometry> grid, List<Layer> layers, List<Acquisition> acquisitions) {

    public Catalog {
        Objects.requireNonNull(grid, "grid");
        layers = List.copyOf(layers);
        Map<String, Integer> order = new HashMap<>();
        for (Layer layer : layers) {
            if (order.putIfAbsent(layer.name(), order.size()) != null) {
                throw new IllegalArgumentException("layer " + layer.name() + " is listed twice (expected each once)");
            }
        }
        List<String> names = layers.stream().map(Layer::name).toList();
        List<Acquisition> sorted = new ArrayList<>(acquisitions);
        sorted.sort(Comparator.comparing(Acquisition::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new IllegalArgumentException("two acquisitions on " + sorted.get(i).date()
                        + " (expected one per date)");
            }
        }
        for (Acquisition a : sorted) {
            for (Asset asset : a.assets()) {
                if (!order.containsKey(asset.layer())) {
                    throw new UnknownLayerException(asset.layer(), names);
                }
            }
        }
        Canonical canonical = Canonical.of(grid, layers, sorted, order);
        grid = canonical.grid;
        layers = canonical.layers;
        acquisitions = canonical.acquisitions;
    }

    /** A catalogue of these layers and acquisitions, its grid found from the assets'. */
    public static Catalog of(List<Layer> layers, List<Acquisition> acquisitions) {
        return new Catalog(Optional.empty(), layers, acquisitions);
    }

    /** The layer names in order. */
    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }

    /** The layer of that name; {@link UnknownLayerException} listing the names when there is none. */
    public Layer layer(String name) {
        for (Layer layer : layers) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new UnknownLayerException(name, layerNames());
    }

    /** The dates, in order. */
    public List<LocalDate> dates() {
        return acquisitions.stream().map(Acquisition::date).toList();
    }

    /** The acquisition of a date, if the cube has one. */
    public Optional<Acquisition> acquisition(LocalDate date) {
        int i = indexOf(date);
        return i >= 0 ? Optional.of(acquisitions.get(i)) : Optional.empty();
    }

    /** The acquisitions from {@code first} to {@code last}, both included, in order. */
    public List<Acquisition> between(LocalDate first, LocalDate last) {
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("expected a first date on or before the last, found " + first
                    + " after " + last);
        }
        int from = indexOf(first);
        from = from >= 0 ? from : -from - 1;
        int to = indexOf(last);
        to = to >= 0 ? to + 1 : -to - 1;
        return acquisitions.subList(from, to);
    }

    /**
     * The assets of one layer from {@code first} to {@code last}, both included, in date order
     * (dates without that layer are skipped); {@link UnknownLayerException} for a name the cube
     * does not have.
     */
    public List<Asset> assets(String layerName, LocalDate first, LocalDate last) {
        layer(layerName);
        List<Asset> found = new ArrayList<>();
        for (Acquisition a : between(first, last)) {
            a.asset(layerName).ifPresent(found::add);
        }
        return found;
    }

    /** The asset's grid: its own, or the catalogue's. */
    public Optional<GridGeometry> gridOf(Asset asset) {
        return asset.grid().or(() -> grid);
    }

    /** The asset's raster band: its own, or its layer's. */
    public Optional<RasterBand> bandOf(Asset asset) {
        return asset.band().or(() -> layer(asset.layer()).band());
    }

    /** This catalogue with an acquisition added, or replacing the one of its date. */
    public Catalog with(Acquisition acquisition) {
        List<Acquisition> next = new ArrayList<>();
        for (Acquisition a : acquisitions) {
            if (!a.date().equals(acquisition.date())) {
                next.add(a);
            }
        }
        next.add(acquisition);
        return new Catalog(grid, layers, next);
    }

    private int indexOf(LocalDate date) {
        int low = 0;
        int high = acquisitions.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = acquisitions.get(mid).date().compareTo(date);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** The canonical form: see the class comment. */
    private record Canonical(Optional<GridGeometry> grid, List<Layer> layers, List<Acquisition> acquisitions) {

        static Canonical of(Optional<GridGeometry> grid, List<Layer> layers, List<Acquisition> sorted,
                Map<String, Integer> order) {
            List<Asset> all = new ArrayList<>(); // in date order, then layer order: "first" on a tie means this
            for (Acquisition a : sorted) {
                List<Asset> assets = new ArrayList<>(a.assets());
                assets.sort(Comparator.comparing(asset -> order.get(asset.layer())));
                all.addAll(assets);
            }
            Optional<GridGeometry> sharedGrid = all.isEmpty() ? grid
                    : shared(all.stream().map(a -> a.grid().or(() -> grid)).toList());
            Map<String, Optional<RasterBand>> sharedBands = new HashMap<>();
            List<Layer> canonicalLayers = new ArrayList<>();
            for (Layer layer : layers) {
                List<Optional<RasterBand>> bands = all.stream().filter(a -> a.layer().equals(layer.name()))
                        .map(a -> a.band().or(layer::band)).toList();
                Optional<RasterBand> band = bands.isEmpty() ? layer.band() : shared(bands);
                sharedBands.put(layer.name(), band);
                canonicalLayers.add(new Layer(layer.name(), band, layer.spectral()));
            }
            List<Acquisition> acquisitions = new ArrayList<>();
            for (Acquisition a : sorted) {
                List<Asset> assets = new ArrayList<>();
                for (Asset asset : a.assets()) {
                    Layer layer = layers.get(order.get(asset.layer()));
                    Optional<GridGeometry> ownGrid = asset.grid().or(() -> grid);
                    Optional<RasterBand> ownBand = asset.band().or(layer::band);
                    assets.add(new Asset(asset.layer(), asset.href(), asset.mediaType(),
                            ownGrid.equals(sharedGrid) ? Optional.empty() : ownGrid,
                            ownBand.equals(sharedBands.get(asset.layer())) ? Optional.empty() : ownBand));
                }
                assets.sort(Comparator.comparing(asset -> order.get(asset.layer())));
                acquisitions.add(new Acquisition(a.date(), a.time(), assets));
            }
            return new Canonical(sharedGrid, List.copyOf(canonicalLayers), List.copyOf(acquisitions));
        }

        /** The most common value (the first on a tie) when every one is present, else empty. */
        private static <T> Optional<T> shared(List<Optional<T>> values) {
            Map<T, Integer> counts = new LinkedHashMap<>();
            for (Optional<T> v : values) {
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                counts.merge(v.get(), 1, Integer::sum);
            }
            T best = null;
            int bestCount = 0;
            for (Map.Entry<T, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return Optional.ofNullable(best);
        }
    }
}
