package org.cogcube.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;

/**
 * A small real cube on disk, in UTM 30N over Ghana: three dates, layer B04 at 10 m and B11 at
 * 20 m over the same area, uint16 COGs with nodata 0, one folder per date. The catalogue is
 * made from the files as ingest would: grid, type and nodata read back from each COG.
 */
final class TestCube {
    static final List<LocalDate> DATES = List.of(LocalDate.of(2018, 1, 2), LocalDate.of(2018, 1, 7),
            LocalDate.of(2018, 1, 12));
    /** The first date's acquisition time; the others are known by date only. */
    static final Instant FIRST_TIME = Instant.parse("2018-01-02T10:40:21Z");
    static final GridGeometry GRID_10M = new GridGeometry(40, 30, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    static final GridGeometry GRID_20M = new GridGeometry(20, 15, GeoTransform.northUp(600000, 800000, 20, 20),
            Crs.epsg(32630));
    static final List<String> LAYERS = List.of("B04", "B11");

    private TestCube() {
    }

    /** The grid of a layer. */
    static GridGeometry grid(String layer) {
        return layer.equals("B04") ? GRID_10M : GRID_20M;
    }

    /** The raster of a layer at the date of index {@code d}: no pixel is nodata, every date differs. */
    static Raster raster(String layer, int d) {
        GridGeometry grid = grid(layer);
        ByteBuffer buf = ByteBuffer.allocate(grid.width() * grid.height() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                int v = 1000 * (d + 1) + (layer.equals("B04") ? 0 : 500) + 7 * x + 11 * y;
                buf.putShort((short) v);
            }
        }
        return Raster.wrap(SampleType.UINT16, grid, OptionalDouble.of(0), buf.array());
    }

    /** The samples of a raster as unsigned values, row by row. */
    static double[] values(Raster raster) {
        return raster.toDoubles(0);
    }

    /** Writes the cube's COGs under {@code folder} and returns its catalogue (not yet written). */
    static Catalog write(Path folder) {
        List<Acquisition> acquisitions = new ArrayList<>();
        for (int d = 0; d < DATES.size(); d++) {
            LocalDate date = DATES.get(d);
            List<Asset> assets = new ArrayList<>();
            for (String layer : LAYERS) {
                Path file = folder.resolve(date.toString()).resolve(layer + ".tif");
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                CogWriter.write(RasterSource.of(raster(layer, d)), file, CogOptions.defaults().withBlockSize(16));
                assets.add(describe(layer, file));
            }
            acquisitions.add(d == 0 ? Acquisition.at(FIRST_TIME, assets) : Acquisition.of(date, assets));
        }
        return Catalog.of(LAYERS.stream().map(Sentinel2::layer).toList(), acquisitions);
    }

    /** The asset of a file, described from the file itself. */
    static Asset describe(String layer, Path file) {
        try (GeoTiff tiff = GeoTiff.open(file)) {
            RasterBand band = new RasterBand(tiff.type(), tiff.nodata(), tiff.scales()[0], tiff.offsets()[0]);
            return new Asset(layer, file.toUri(), MediaTypes.COG, Optional.of(tiff.grid()), Optional.of(band));
        }
    }
}
