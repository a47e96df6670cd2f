package org.cogcube.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.CogcubeException;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.Layer;
import org.cogcube.catalog.RasterBand;
import org.cogcube.catalog.Sentinel2;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The demo cube: a year of a Ghana-like Sentinel-2 scene (UTM 30N, 10 m, one date a week from
 * 2018-01-02) written as COGs into {@code DIR/<date>/<layer>.tif} (B08 as four chunk COGs and
 * {@code DIR/<date>/B08.vrt} over them) with both catalogues, and a field to look at. The same seed writes the same cube.
 */
final class DemoCube {
    static final LocalDate FIRST = LocalDate.of(2018, 1, 2);
    static final int DATES = 52;
    static final int DAYS_BETWEEN = 7;
    static final int SIZE = 1024;
    static final Crs CRS = Crs.epsg(32630);
    static final GridGeometry GRID = new GridGeometry(SIZE, SIZE, GeoTransform.northUp(600000, 800000, 10, 10), CRS);
    static final GridGeometry GRID_20M = new GridGeometry(SIZE / 2, SIZE / 2,
            GeoTransform.northUp(600000, 800000, 20, 20), CRS);
    /** Rainfall comes coarse, as satellite rainfall estimates do (CHIRPS is 5 km): 1 km here. */
    static final GridGeometry GRID_RAIN = new GridGeometry(SIZE / 100, SIZE / 100,
            GeoTransform.northUp(600000, 800000, 1000, 1000), CRS);
    /** The layer written as four chunk COGs and a VRT over them, the layout of layers too large for one file. */
    static final String CHUNKED_LAYER = "B08";
    /** The layers after Sentinel-2's: land use (one file for every date) and the week's rainfall. */
    static final List<String> EXTRA_LAYERS = List.of("LULC", "RAIN");

    private DemoCube() {
    }

    /** What was written: the catalogue and a small WGS84 GeoJSON polygon inside one crop field. */
    record Written(Catalog catalog, String fieldGeoJson) {
    }

    /** Writes the cube into {@code dir}, telling {@code progress} of each file written. */
    static Written write(Path dir, long seed, CogWriter.Progress progress) {
        DemoLandscape land = DemoLandscape.generate(SIZE, seed);
        DemoScene scene = new DemoScene(land, GRID, GRID_20M, seed);
        int files = DATES * (Sentinel2.LAYER_NAMES.size() + 1) + 1;
        AtomicInteger written = new AtomicInteger();
        progress.rows(0, files);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "cogcube-demo");
                    t.setDaemon(true);
                    return t;
                });
        List<Future<Acquisition>> dates = new ArrayList<>();
        try {
            Path landUse = dir.resolve("static").resolve("LULC.tif");
            CogWriter.write(RasterSource.of(DemoExtras.landUse(land, GRID)), landUse, CogOptions.defaults());
            Asset landUseAsset = Asset.of("LULC", landUse.toAbsolutePath().normalize().toUri()).withGrid(GRID);
            progress.rows(written.incrementAndGet(), files);
            for (int i = 0; i < DATES; i++) {
                int index = i;
                dates.add(pool.submit(() -> writeDate(dir, scene, index, landUseAsset, seed, () -> {
                    synchronized (progress) {
                        progress.rows(written.incrementAndGet(), files);
                    }
                })));
            }
            List<Acquisition> acquisitions = new ArrayList<>();
            for (Future<Acquisition> f : dates) {
                acquisitions.add(f.get());
            }
            Catalog catalog = Catalog.of(layers(), acquisitions);
            Catalogs.write(catalog, dir);
            return new Written(catalog, fieldGeoJson(land));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CogcubeException("interrupted while writing the demo cube into " + dir, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new CogcubeException("cannot write the demo cube into " + dir + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static LocalDate date(int index) {
        return FIRST.plusDays((long) DAYS_BETWEEN * index);
    }

    private static Acquisition writeDate(Path dir, DemoScene scene, int index, Asset landUse, long seed,
            Runnable fileDone) {
        LocalDate date = date(index);
        List<Asset> assets = new ArrayList<>();
        assets.add(landUse);
        Map<String, Raster> layers = new java.util.LinkedHashMap<>(scene.render(index, date));
        layers.put("RAIN", DemoExtras.rainfall(GRID_RAIN, date, seed));
        for (Map.Entry<String, Raster> layer : layers.entrySet()) {
            Path file;
            if (layer.getKey().equals(CHUNKED_LAYER)) {
                file = DemoChunks.write(layer.getValue(), dir.resolve(date.toString()), layer.getKey(), SIZE / 2);
            } else {
                file = dir.resolve(date.toString()).resolve(layer.getKey() + ".tif");
                CogWriter.write(RasterSource.of(layer.getValue()), file, CogOptions.defaults());
            }
            assets.add(Asset.of(layer.getKey(), file.toAbsolutePath().normalize().toUri())
                    .withGrid(layer.getValue().grid()));
            fileDone.run();
        }
        return Acquisition.of(date, assets);
    }

    /** Sentinel-2's layers with what their files hold. */
    private static List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : Sentinel2.layers()) {
            RasterBand band = layer.name().equals("CLD") ? RasterBand.of(SampleType.UINT8)
                    : RasterBand.of(SampleType.UINT16).withNodata(0);
            layers.add(layer.withBand(band));
        }
        layers.add(Layer.named("LULC").withBand(RasterBand.of(SampleType.UINT8)));
        layers.add(Layer.named("RAIN").withBand(RasterBand.of(SampleType.FLOAT32)));
        return layers;
    }

    /** A square well inside one crop field, as a GeoJSON polygon in WGS84 longitude, latitude. */
    private static String fieldGeoJson(DemoLandscape land) {
        int[] square = land.fieldSquare((col, row) -> DemoScene.outsideSwath(1, col, row, SIZE));
        int[][] corners = {{square[0], square[1]}, {square[2], square[1]}, {square[2], square[3]},
            {square[0], square[3]}, {square[0], square[1]}};
        return polygonGeoJson(GRID, corners);
    }

    /**
     * A GeoJSON polygon in WGS84 longitude, latitude through pixel corners of a UTM 30N grid
     * ({@code {column, row}} pairs, the first repeated last), as a user's field file would have it.
     */
    static String polygonGeoJson(GridGeometry grid, int[][] corners) {
        CRSFactory crs = new CRSFactory();
        CoordinateTransform toWgs84 = new CoordinateTransformFactory().createTransform(
                crs.createFromName("EPSG:32630"), crs.createFromName("EPSG:4326"));
        List<String> points = new ArrayList<>();
        for (int[] c : corners) {
            ProjCoordinate out = toWgs84.transform(new ProjCoordinate(grid.transform().x(c[0], c[1]),
                    grid.transform().y(c[0], c[1])), new ProjCoordinate());
            points.add(String.format(Locale.ROOT, "[%.6f, %.6f]", out.x, out.y));
        }
        return "{\"type\": \"Polygon\", \"coordinates\": [[" + String.join(", ", points) + "]]}";
    }
}
