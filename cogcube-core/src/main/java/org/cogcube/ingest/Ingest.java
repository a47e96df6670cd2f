package org.cogcube.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cogcube.CogcubeException;
import org.cogcube.UnknownLayerException;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.Layer;
import org.cogcube.catalog.RasterBand;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.GeoTiff;
import org.cogcube.cog.Resampling;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.vrt.Vrt;
import org.cogcube.warp.Kernel;
import org.cogcube.warp.Warp;
import org.cogcube.warp.WarpInput;

/**
 * Adds or replaces one date of a cube: warps each layer's inputs onto the cube's grid, writes them
 * (and the derived layers) as new generations, then replaces the catalogues. See the package
 * documentation for why this order is safe to kill at any moment.
 */
public final class Ingest {

    /** Told how many pixels have been written out of how many. */
    @FunctionalInterface
    public interface Progress {
        void pixels(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    /**
     * What an ingest did.
     *
     * @param date the date ingested
     * @param files the file the catalogue now names for each layer written (derived ones too)
     * @param collected how many unreferenced files of earlier ingests were deleted
     */
    public record Result(LocalDate date, Map<String, Path> files, int collected) {
    }

    private Ingest() {
    }

    /**
     * Ingests {@code layers} (layer name to its inputs, in order; later inputs cover earlier ones)
     * as {@code date} into the cube at {@code cube}.
     */
    public static Result run(Path cube, LocalDate date, Map<String, List<Input>> layers, IngestOptions options) {
        GridGeometry grid = CubeGrid.grid(cube);
        if (layers.isEmpty() && options.derivations().isEmpty()) {
            throw new IllegalArgumentException("nothing to ingest: expected at least one layer or derived layer");
        }
        for (Map.Entry<String, List<Input>> e : layers.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("layer " + e.getKey() + " has no input file");
            }
        }
        try (CubeLock lock = CubeLock.acquire(cube, options.waitForLock())) {
            Catalog old = readCatalog(cube);
            checkDerivations(old, date, layers.keySet(), options.derivations());
            int collected = Garbage.collect(cube);
            Path folder = cube.resolve(date.toString());
            Files.createDirectories(folder);
            long total = (long) grid.width() * grid.height() * (layers.size() + options.derivations().size());
            PixelCounter counter = new PixelCounter(total, options.progress());
            Map<String, Asset> written = new LinkedHashMap<>();
            Map<String, Path> files = new LinkedHashMap<>();
            for (Map.Entry<String, List<Input>> e : layers.entrySet()) {
                String layer = e.getKey();
                Kernel kernel = options.kernelOf(layer);
                Path file = warpLayer(grid, folder, layer, e.getValue(), kernel, options, counter);
                files.put(layer, file);
                written.put(layer, asset(layer, file, grid));
            }
            for (Derivation d : options.derivations()) {
                Path file = derive(grid, folder, d, old, date, written, options, counter);
                files.put(d.layer(), file);
                written.put(d.layer(), asset(d.layer(), file, grid));
            }
            Catalogs.write(updated(old, date, written), cube);
            return new Result(date, files, collected);
        } catch (IOException e) {
            throw new CogcubeException("ingesting " + date + " into " + cube + ": " + e.getMessage(), e);
        }
    }

    private static Catalog readCatalog(Path cube) {
        Path stac = cube.resolve(Catalogs.STAC_FILE);
        return Files.exists(stac) ? Catalogs.open(stac.toString()) : Catalog.of(List.of(), List.of());
    }

    /** Fails before anything is written when a derivation reads a layer the date will not have. */
    private static void checkDerivations(Catalog old, LocalDate date, Set<String> ingested, List<Derivation> ds) {
        Set<String> available = new LinkedHashSet<>();
        old.acquisition(date).ifPresent(a -> a.assets().forEach(asset -> available.add(asset.layer())));
        available.addAll(ingested);
        for (Derivation d : ds) {
            for (String name : d.inputs()) {
                if (!available.contains(name)) {
                    throw new UnknownLayerException(name, List.copyOf(available));
                }
            }
            available.add(d.layer());
        }
    }

    private static Path warpLayer(GridGeometry grid, Path folder, String layer, List<Input> inputs, Kernel kernel,
            IngestOptions options, PixelCounter counter) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            List<WarpInput> warpInputs = new ArrayList<>();
            SampleType type = null;
            OptionalDouble inputNodata = OptionalDouble.empty();
            for (Input in : inputs) {
                RasterSource source = open(in.location());
                opened.add((AutoCloseable) source);
                WarpInput wi = new WarpInput(source, in.band() - 1, in.toString());
                if (type == null) {
                    type = source.type();
                    inputNodata = source instanceof Vrt v ? v.nodata(in.band() - 1) : source.nodata();
                } else if (source.type() != type) {
                    throw new CogcubeException("the inputs of layer " + layer + " hold different sample types: "
                            + inputs.get(0) + " " + type.gdalName() + ", " + in + " " + source.type().gdalName()
                            + " (expected one type per layer)");
                }
                warpInputs.add(wi);
            }
            double nodata = options.nodata().isPresent() ? options.nodata().getAsDouble()
                    : inputNodata.orElse(type.isFloatingPoint() ? Double.NaN : 0);
            Warp warp = Warp.onto(grid, warpInputs, kernel, type, nodata);
            CogOptions cog = options.cog().withResampling(overviewResampling(kernel));
            return new LayerWriter(folder, cog, options.chunkSize(), counter).write(layer, warp);
        } finally {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a reader that cannot close has nothing left to lose
                }
            }
        }
    }

    private static Path derive(GridGeometry grid, Path folder, Derivation d, Catalog old, LocalDate date,
            Map<String, Asset> written, IngestOptions options, PixelCounter counter) {
        List<String> names = new ArrayList<>(d.inputs());
        List<RasterSource> sources = new ArrayList<>();
        try {
            for (String name : names) {
                Asset asset = Optional.ofNullable(written.get(name))
                        .or(() -> old.acquisition(date).flatMap(a -> a.asset(name)))
                        .orElseThrow(() -> new UnknownLayerException(name, List.copyOf(written.keySet())));
                RasterSource s = open(Path.of(asset.href()).toString());
                sources.add(s);
                if (!s.grid().equals(grid)) {
                    throw new CogcubeException(d.layer() + " reads " + name + " of " + date + " (" + asset.href()
                            + "), which is not on the cube's grid (" + CubeGrid.describe(grid) + ")");
                }
            }
            DerivedSource source = new DerivedSource(grid, d.expression(), names, sources);
            CogOptions cog = options.cog().withResampling(Resampling.AVERAGE);
            return new LayerWriter(folder, cog, options.chunkSize(), counter).write(d.layer(), source);
        } finally {
            for (RasterSource s : sources) {
                try {
                    ((AutoCloseable) s).close();
                } catch (Exception ignored) {
                    // as above
                }
            }
        }
    }

    /** Opens a GeoTIFF or a VRT (by its extension) from a path or URL. */
    static RasterSource open(String location) {
        return new Input(location, 1).isVrt() ? Vrt.open(location) : GeoTiff.open(location);
    }

    private static Resampling overviewResampling(Kernel k) {
        return switch (k) {
            case NEAREST -> Resampling.NEAREST;
            case MODE -> Resampling.MODE;
            case BILINEAR, AVERAGE -> Resampling.AVERAGE;
        };
    }

    private static Asset asset(String layer, Path file, GridGeometry grid) {
        RasterSource s = open(file.toString());
        try {
            RasterBand band = new RasterBand(s.type(), s.nodata(), s.scales()[0], s.offsets()[0]);
            return Asset.of(layer, file.toAbsolutePath().normalize().toUri()).withGrid(grid).withBand(band);
        } finally {
            try {
                ((AutoCloseable) s).close();
            } catch (Exception ignored) {
                // as above
            }
        }
    }

    /** The old catalogue with the date's written layers replaced or added (new layers last). */
    private static Catalog updated(Catalog old, LocalDate date, Map<String, Asset> written) {
        List<Layer> layers = new ArrayList<>(old.layers());
        for (Map.Entry<String, Asset> e : written.entrySet()) {
            if (layers.stream().noneMatch(l -> l.name().equals(e.getKey()))) {
                layers.add(Layer.named(e.getKey()).withBand(e.getValue().band().orElseThrow()));
            }
        }
        List<Asset> assets = new ArrayList<>();
        old.acquisition(date).ifPresent(a -> a.assets().stream().filter(x -> !written.containsKey(x.layer()))
                .forEach(assets::add));
        assets.addAll(written.values());
        List<Acquisition> acquisitions = new ArrayList<>();
        for (Acquisition a : old.acquisitions()) {
            if (!a.date().equals(date)) {
                acquisitions.add(a);
            }
        }
        acquisitions.add(Acquisition.of(date, assets));
        return new Catalog(old.grid(), layers, acquisitions);
    }
}
