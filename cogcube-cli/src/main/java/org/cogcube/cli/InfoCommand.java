package org.cogcube.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cogcube.cog.GeoTiff;
import org.cogcube.geo.GridGeometry;
import org.cogcube.tiff.ImageStructure;
import org.cogcube.vrt.Vrt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogcube info}: what a GeoTIFF holds and how it is stored. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe a GeoTIFF or a GDAL VRT mosaic, local or remote: size, bands, sample type, CRS, geotransform,",
            "nodata, tiling, compression, overviews, and whether its layout is a Cloud Optimized GeoTIFF.",
            "Over HTTP only the header is read (one request for a COG)."},
        footer = {"", "Examples:", "  cogcube info B04.tif", "  cogcube info --json https://example.org/cube/2018-01-02/B04.tif"})
final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH_OR_URL", description = "A local path, a file: URI or an http(s) URL.")
    String location;

    @Option(names = "--json", description = "Print the description as JSON, for scripts.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Inputs.isVrt(location)) {
            try (Vrt vrt = Vrt.open(location)) {
                print(describe(vrt), null);
            }
            return 0;
        }
        try (GeoTiff tiff = GeoTiff.open(location)) {
            print(describe(tiff), tiff);
        }
        return 0;
    }

    private void print(Map<String, Object> d, GeoTiff tiff) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(d));
        } else {
            printText(out, tiff, d);
        }
        out.flush();
    }

    /** A VRT mosaic: what its bands are and where they lie; its storage is its sources'. */
    static Map<String, Object> describe(Vrt vrt) {
        Map<String, Object> d = common(vrt.location(), vrt);
        d.put("format", "VRT");
        return d;
    }

    private static Map<String, Object> common(String location, org.cogcube.raster.RasterSource source) {
        GridGeometry grid = source.grid();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("location", location);
        d.put("width", grid.width());
        d.put("height", grid.height());
        d.put("bands", source.bandCount());
        d.put("dataType", source.type().gdalName());
        d.put("crs", grid.crs().isKnown() ? grid.crs().toString() : null);
        d.put("geoTransform", grid.transform().toGdal());
        d.put("bounds", grid.envelope());
        d.put("nodata", source.nodata().isPresent() ? nodataValue(source.nodata().getAsDouble()) : null);
        d.put("scales", source.scales());
        d.put("offsets", source.offsets());
        return d;
    }


    static Map<String, Object> describe(GeoTiff tiff) {
        ImageStructure main = tiff.level(0);
        Map<String, Object> d = common(tiff.location(), tiff);
        d.put("format", "GTiff");
        d.put("tiled", main.tiled());
        d.put("blockWidth", main.chunkWidth());
        d.put("blockHeight", main.chunkHeight());
        d.put("compression", main.compression().name());
        d.put("predictor", main.predictor().code());
        d.put("interleave", main.planar() ? "BAND" : "PIXEL");
        d.put("byteOrder", tiff.tiff().header().order().toString().equals("BIG_ENDIAN") ? "big-endian" : "little-endian");
        d.put("bigTiff", tiff.tiff().header().bigTiff());
        List<Map<String, Integer>> overviews = new ArrayList<>();
        for (int l = 1; l < tiff.levelCount(); l++) {
            overviews.add(Map.of("width", tiff.level(l).width(), "height", tiff.level(l).height()));
        }
        d.put("overviews", overviews);
        d.put("cloudOptimized", tiff.isCloudOptimized());
        d.put("fileSize", tiff.tiff().size());
        return d;
    }

    /** JSON has no NaN: nodata NaN is written as the string "nan", as GDAL's JSON does. */
    private static Object nodataValue(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : (Object) v;
    }

    private static void printText(PrintWriter out, GeoTiff tiff, Map<String, Object> d) {
        double[] gt = (double[]) d.get("geoTransform");
        double[] env = (double[]) d.get("bounds");
        boolean northUp = gt[2] == 0 && gt[4] == 0;
        line(out, "File", d.get("location") + (tiff == null ? " (GDAL VRT mosaic)" : " (" + tiff.tiff().size()
                + " bytes)"));
        line(out, "Size", d.get("width") + " x " + d.get("height") + " pixels, " + d.get("bands") + " band(s) of "
                + d.get("dataType"));
        line(out, "CRS", d.get("crs") == null ? "none" : d.get("crs").toString());
        line(out, "Origin", num(gt[0]) + ", " + num(gt[3]));
        line(out, "Pixel size", num(gt[1]) + ", " + num(gt[5]) + (northUp ? "" : " (rotated: "
                + num(gt[2]) + ", " + num(gt[4]) + ")"));
        line(out, "Bounds", num(env[0]) + ", " + num(env[1]) + ", " + num(env[2]) + ", " + num(env[3])
                + "  (minX, minY, maxX, maxY)");
        Object nodata = d.get("nodata");
        line(out, "NoData", nodata == null ? "none" : nodata instanceof Double v ? num(v) : nodata.toString());
        double[] s = (double[]) d.get("scales");
        double[] o = (double[]) d.get("offsets");
        for (int b = 0; b < s.length; b++) {
            if (s[b] != 1 || o[b] != 0) {
                line(out, "Band " + (b + 1), "scale " + num(s[b]) + ", offset " + num(o[b]));
            }
        }
        if (tiff == null) {
            return;
        }
        ImageStructure main = tiff.level(0);
        line(out, "Storage", (main.tiled() ? "tiles of " + main.chunkWidth() + " x " + main.chunkHeight()
                : "strips of " + main.chunkHeight() + " rows") + ", " + main.compression().name()
                + (main.predictor().code() != 1 ? ", predictor " + main.predictor().code() : "")
                + (main.samplesPerPixel() > 1 ? ", " + d.get("interleave").toString().toLowerCase(Locale.ROOT)
                        + "-interleaved" : "")
                + ", " + d.get("byteOrder") + (tiff.tiff().header().bigTiff() ? ", BigTIFF" : ""));
        StringBuilder ov = new StringBuilder();
        for (int l = 1; l < tiff.levelCount(); l++) {
            ov.append(l > 1 ? ", " : "").append(tiff.level(l).width()).append('x').append(tiff.level(l).height());
        }
        line(out, "Overviews", ov.length() == 0 ? "none" : ov.toString());
        line(out, "Layout", tiff.isCloudOptimized() ? "COG (GDAL's cloud optimized layout)" : "not a COG layout");
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("%-11s %s%n", key + ":", value);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
