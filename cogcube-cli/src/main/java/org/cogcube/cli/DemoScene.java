package org.cogcube.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.cogcube.catalog.Sentinel2;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;

/**
 * Renders the thirteen layers of one demo date from the landscape: reflectances (uint16, 10000 =
 * 100%, nodata 0) that follow each field's NDVI, brightened under clouds; the cloud probability
 * CLD (uint8, 0-100, no nodata); aerosols AOT and water vapour TCWV (uint16, nodata 0). On every
 * other date the scene ends at a diagonal swath edge, beyond which every layer is 0.
 *
 * <p>B02, B03, B04, B08, CLD, AOT and TCWV are at 10 m; B05, B06, B07, B8A, B11 and B12 at 20 m,
 * as Sentinel-2 measures them (and a quarter of the pixels to write).
 */
final class DemoScene {

    /** The layers written at 20 m; the others are at 10 m. */
    static final java.util.Set<String> COARSE = java.util.Set.of("B05", "B06", "B07", "B8A", "B11", "B12");

    private final DemoLandscape land;
    private final GridGeometry fine;
    private final GridGeometry coarse;
    private final long seed;

    DemoScene(DemoLandscape land, GridGeometry fine, GridGeometry coarse, long seed) {
        this.land = land;
        this.fine = fine;
        this.coarse = coarse;
        this.seed = seed;
    }

    /** Whether a 10 m pixel lies beyond the swath edge on the date of that index. */
    static boolean outsideSwath(int index, int col, int row, int size) {
        return index % 2 == 1 && col - 0.35 * row > 0.7 * size;
    }

    /** The layers of the date of index {@code index}, in the simple catalogue's order. */
    Map<String, Raster> render(int index, LocalDate date) {
        int size = land.size();
        int day = date.getDayOfYear();
        double[] ndviOfField = new double[land.fields().size()];
        for (DemoLandscape.DemoField f : land.fields()) {
            ndviOfField[f.id()] = f.phenology().ndvi(day);
        }
        DemoClouds clouds = DemoClouds.of(size, index, day, seed);
        int[] cloud = new int[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                cloud[row * size + col] = outsideSwath(index, col, row, size) ? -1 : clouds.probability(col, row);
            }
        }
        double rains = 0.5 - 0.5 * Math.cos(2 * Math.PI * (day - 45) / 365.0);
        double harmattan = Math.max(0, Math.cos(2 * Math.PI * (day - 15) / 365.0));
        Map<String, Raster> layers = new LinkedHashMap<>();
        for (int b = 0; b < Sentinel2.LAYER_NAMES.size(); b++) {
            String name = Sentinel2.LAYER_NAMES.get(b);
            boolean coarseLayer = COARSE.contains(name);
            GridGeometry grid = coarseLayer ? coarse : fine;
            int step = coarseLayer ? 2 : 1;
            int width = grid.width();
            boolean cld = name.equals("CLD");
            byte[] bytes = new byte[width * grid.height() * (cld ? 1 : 2)];
            for (int row = 0; row < grid.height(); row++) {
                for (int col = 0; col < width; col++) {
                    int c = col * step;
                    int r = row * step;
                    int p = cloud[r * size + c];
                    int i = row * width + col;
                    if (cld) {
                        bytes[i] = (byte) Math.max(0, p);
                        continue;
                    }
                    int value;
                    if (p < 0) {
                        value = 0;
                    } else if (name.equals("AOT")) {
                        value = (int) (90 + 160 * harmattan + 20 * noise(c / 64, r / 64, index, b));
                    } else if (name.equals("TCWV")) {
                        value = (int) (1500 + 3500 * rains + 150 * noise(c / 64, r / 64, index, b));
                    } else {
                        double ndvi = ndviOfField[land.fieldAt(c, r).id()] + 0.015 * noise(c, r, index, 99);
                        double reflectance = reflectance(name, ndvi) * (1 + 0.015 * noise(c, r, index, b));
                        double cover = Math.max(0, Math.min(1, (p - 10) / 70.0)); // haze below 10%
                        reflectance = reflectance * (1 - cover) + cloudReflectance(name) * cover;
                        value = (int) Math.round(reflectance * 10000);
                    }
                    value = p < 0 ? 0 : Math.max(1, Math.min(65535, value));
                    bytes[2 * i] = (byte) value;
                    bytes[2 * i + 1] = (byte) (value >>> 8);
                }
            }
            layers.put(name, Raster.wrap(cld ? SampleType.UINT8 : SampleType.UINT16, grid,
                    cld ? OptionalDouble.empty() : OptionalDouble.of(0), bytes));
        }
        return layers;
    }

    /**
     * A plausible surface reflectance (0-1) of a band for a pixel of that NDVI: near-infrared
     * rises with green cover, red falls so that (nir - red) / (nir + red) is the NDVI.
     */
    static double reflectance(String band, double ndvi) {
        double green = Math.max(0, Math.min(1, (ndvi - 0.1) / 0.75));
        double nir = 0.17 + 0.25 * green;
        double red = nir * (1 - ndvi) / (1 + ndvi);
        return switch (band) {
            case "B02" -> 0.55 * red + 0.025;
            case "B03" -> 0.7 * red + 0.04 * green + 0.03;
            case "B04" -> red;
            case "B05" -> 0.65 * red + 0.35 * nir;
            case "B06" -> 0.3 * red + 0.7 * nir;
            case "B07" -> 0.1 * red + 0.9 * nir;
            case "B08" -> nir;
            case "B8A" -> 1.03 * nir;
            case "B11" -> 0.27 - 0.08 * green;
            case "B12" -> 0.2 - 0.1 * green;
            default -> throw new IllegalArgumentException("no reflectance for layer " + band);
        };
    }

    /** What a thick cloud reflects in a band: bright and white, a little darker in the short-wave infrared. */
    private static double cloudReflectance(String band) {
        return switch (band) {
            case "B11" -> 0.35;
            case "B12" -> 0.25;
            default -> 0.45;
        };
    }

    /** Deterministic noise in [-1, 1] of a pixel, date and band, whatever the order of rendering. */
    private double noise(int col, int row, int index, int band) {
        long h = seed ^ (col * 0x9E3779B97F4A7C15L) ^ (row * 0xC2B2AE3D27D4EB4FL) ^ ((long) index << 40)
                ^ ((long) band << 52);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-52 - 1;
    }
}
