package org.cogcube.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.Layer;
import org.cogcube.catalog.MediaTypes;
import org.cogcube.catalog.RasterBand;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.testing.Gdal;
import org.cogcube.vrt.Vrt;

/**
 * Small cubes on disk in UTM 30N over Ghana, 600 x 500 pixels of 10 m, six dates of B04 and B08
 * (int16, nodata -9999) and CLD (uint8 cloud probability 0-100, no nodata, as such cubes have it).
 * What each date holds, so that every rule of the original method is exercised:
 * <ul>
 *   <li>2018-01-02: no cloud;</li>
 *   <li>2018-01-07: cloud 100 everywhere (fully cloudy);</li>
 *   <li>2018-01-12: cloud varying from 0 to 100 pixel by pixel;</li>
 *   <li>2018-01-17: cloud 90 west of column 300, 10 east of it;</li>
 *   <li>2018-01-22: cloud 100 except a 3 x 3 clear patch at columns 450-452, rows 100-102;</li>
 *   <li>2018-01-27: cloud 15, B04 nodata everywhere.</li>
 * </ul>
 * Every date: B04 rows 200-209 are nodata; B08 columns 300-304 hold -9995 (below -9990, not nodata).
 */
final class TestCubes {
    static final List<LocalDate> DATES = List.of(LocalDate.of(2018, 1, 2), LocalDate.of(2018, 1, 7),
            LocalDate.of(2018, 1, 12), LocalDate.of(2018, 1, 17), LocalDate.of(2018, 1, 22),
            LocalDate.of(2018, 1, 27));
    static final List<String> LAYERS = List.of("B04", "B08", "CLD");
    static final GridGeometry GRID = new GridGeometry(600, 500, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));

    private TestCubes() {
    }

    static Raster raster(String layer, int d) {
        int w = GRID.width();
        int h = GRID.height();
        SampleType type = layer.equals("CLD") ? SampleType.UINT8 : SampleType.INT16;
        byte[] bytes = new byte[w * h * type.bytes()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Samples.put(type, bytes, y * w + x, value(layer, d, x, y));
            }
        }
        OptionalDouble nodata = layer.equals("CLD") ? OptionalDouble.empty() : OptionalDouble.of(-9999);
        return Raster.wrap(type, GRID, nodata, bytes);
    }

    static double value(String layer, int d, int x, int y) {
        switch (layer) {
            case "B04":
                return d == 5 || (y >= 200 && y < 210) ? -9999 : 100 * d + (3 * x + 7 * y) % 2000;
            case "B08":
                return x >= 300 && x < 305 ? -9995 : 2000 + 50 * d + (5 * x + 2 * y) % 3000;
            default:
                return switch (d) {
                    case 0 -> 0;
                    case 1 -> 100;
                    case 2 -> (7 * x + 3 * y) % 101;
                    case 3 -> x < 300 ? 90 : 10;
                    case 4 -> x >= 450 && x <= 452 && y >= 100 && y <= 102 ? 5 : 100;
                    default -> 15;
                };
        }
    }

    /** Writes the COGs (256-pixel tiles) and both catalogues into {@code folder}; returns the catalogue. */
    static Catalog cogCube(Path folder) {
        List<Acquisition> acquisitions = new ArrayList<>();
        for (int d = 0; d < DATES.size(); d++) {
            List<Asset> assets = new ArrayList<>();
            for (String layer : LAYERS) {
                Path file = folder.resolve(DATES.get(d).toString()).resolve(layer + ".tif");
                createDirectories(file.getParent());
                CogWriter.write(RasterSource.of(raster(layer, d)), file, CogOptions.defaults().withBlockSize(256));
                try (GeoTiff tiff = GeoTiff.open(file)) {
                    assets.add(new Asset(layer, file.toUri(), MediaTypes.COG, Optional.of(tiff.grid()),
                            Optional.of(new RasterBand(tiff.type(), tiff.nodata(), 1, 0))));
                }
            }
            acquisitions.add(Acquisition.of(DATES.get(d), assets));
        }
        return write(folder, acquisitions);
    }

    /**
     * Writes a cube of the same content as VRT mosaics of 2 x 2 chunks (300 x 250 pixels each,
     * tiled GeoTIFFs cut with gdal_translate -srcwin, mosaicked with gdalbuildvrt) next to the
     * COG cube in {@code cogFolder}, and both catalogues pointing at the VRTs.
     */
    static Catalog vrtCube(Path cogFolder, Path folder) {
        StringBuilder jobs = new StringBuilder();
        for (LocalDate date : DATES) {
            for (String layer : LAYERS) {
                jobs.append(cogFolder.resolve(date.toString()).resolve(layer + ".tif")).append('\t')
                        .append(folder.resolve(date.toString())).append('\t').append(layer).append('\n');
            }
        }
        try {
            Files.createDirectories(folder);
            Path jobFile = folder.resolve("jobs.txt");
            Files.writeString(jobFile, jobs);
            Gdal.run(Gdal.PYTHON, "-c", CHUNK, jobFile.toString());
            Files.delete(jobFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Acquisition> acquisitions = new ArrayList<>();
        for (LocalDate date : DATES) {
            List<Asset> assets = new ArrayList<>();
            for (String layer : LAYERS) {
                Path file = folder.resolve(date.toString()).resolve(layer + ".vrt");
                try (Vrt vrt = Vrt.open(file)) {
                    assets.add(new Asset(layer, file.toUri(), MediaTypes.VRT, Optional.of(vrt.grid()),
                            Optional.of(new RasterBand(vrt.type(), vrt.nodata(), 1, 0))));
                }
            }
            acquisitions.add(Acquisition.of(date, assets));
        }
        return write(folder, acquisitions);
    }

    private static Catalog write(Path folder, List<Acquisition> acquisitions) {
        Catalog catalog = Catalog.of(LAYERS.stream().map(Layer::named).toList(), acquisitions);
        Catalogs.write(catalog, folder);
        return catalog;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arguments: JOBS, lines of SOURCE FOLDER LAYER. Writes FOLDER/LAYER_c{0,1}_r{0,1}.tif and FOLDER/LAYER.vrt. */
    private static final String CHUNK = """
            import os
            import sys
            from osgeo import gdal
            gdal.UseExceptions()
            for line in open(sys.argv[1]):
                source, folder, layer = line.rstrip("\\n").split("\\t")
                os.makedirs(folder, exist_ok=True)
                chunks = []
                for r in range(2):
                    for c in range(2):
                        name = os.path.join(folder, "%s_c%d_r%d.tif" % (layer, c, r))
                        gdal.Translate(name, source, srcWin=[c * 300, r * 250, 300, 250],
                                       creationOptions=["TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=128",
                                                        "COMPRESS=DEFLATE"])
                        chunks.append(name)
                gdal.BuildVRT(os.path.join(folder, layer + ".vrt"), chunks)
            """;
}
