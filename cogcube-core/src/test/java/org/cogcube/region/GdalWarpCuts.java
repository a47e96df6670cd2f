package org.cogcube.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.testing.Gdal;

/**
 * The oracle: gdalwarp (GDAL's warp library through the osgeo module, the code the gdalwarp
 * command runs) cutting a source to many regions in one Python process, so that hundreds of cuts
 * take seconds.
 */
final class GdalWarpCuts {

    /** The value of a source pixel: {@code row * 1000 + column}, so that a value names its pixel. */
    static float sourceValue(int column, int row) {
        return row * 1000f + column;
    }

    static final double NODATA = -9999;

    /** Writes a float32 GeoTIFF of {@code width x height} whose pixels hold {@link #sourceValue}. */
    static GridGeometry makeSource(Path file, int width, int height, GeoTransform transform, int epsg) {
        double[] gt = transform.toGdal();
        Gdal.run(Gdal.PYTHON, "-c", MAKE_SOURCE, file.toString(), Integer.toString(width),
                Integer.toString(height), Double.toString(gt[0]), Double.toString(gt[1]), Double.toString(gt[2]),
                Double.toString(gt[3]), Double.toString(gt[4]), Double.toString(gt[5]), Integer.toString(epsg));
        return new GridGeometry(width, height, transform, Crs.epsg(epsg));
    }

    /**
     * One cut: a region file's text, and either {@code -crop_to_cutline} (bounds null) or an
     * explicit {@code -te bounds -tr resolution} with no cropping.
     */
    record Job(String geoJson, boolean allTouched, double[] bounds, double[] resolution) {
        static Job crop(String geoJson, boolean allTouched) {
            return new Job(geoJson, allTouched, null, null);
        }
    }

    /**
     * What GDAL wrote: an error message, or the output's geotransform, size and values (row by
     * row, NaN-free: nodata is {@link #NODATA}).
     */
    record Output(String error, double[] geoTransform, int width, int height, float[] values) {
        boolean failed() {
            return error != null;
        }

        float value(int x, int y) {
            return values[y * width + x];
        }
    }

    static List<Output> run(Path source, List<Job> jobs, Path dir) {
        try {
            Path jobFile = dir.resolve("jobs.txt");
            Path outFile = dir.resolve("outputs.txt");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                Path roi = dir.resolve("roi" + i + ".geojson");
                Files.writeString(roi, job.geoJson(), StandardCharsets.UTF_8);
                lines.append(roi).append('\t').append(job.allTouched() ? 1 : 0).append('\t')
                        .append(job.bounds() == null ? "-" : join(job.bounds())).append('\t')
                        .append(job.resolution() == null ? "-" : join(job.resolution())).append('\n');
            }
            Files.writeString(jobFile, lines, StandardCharsets.UTF_8);
            Gdal.run(Map.of(), Duration.ofSeconds(120), Gdal.PYTHON, "-c", CUT, source.toString(),
                    jobFile.toString(), outFile.toString());
            List<Output> outputs = new ArrayList<>();
            for (String line : Files.readAllLines(outFile, StandardCharsets.UTF_8)) {
                outputs.add(parse(line));
            }
            if (outputs.size() != jobs.size()) {
                throw new AssertionError("GDAL answered " + outputs.size() + " cuts, expected " + jobs.size());
            }
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Output parse(String line) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("error")) {
            return new Output(f[1], null, 0, 0, null);
        }
        double[] gt = new double[6];
        String[] g = f[1].split(",");
        for (int i = 0; i < 6; i++) {
            gt[i] = Double.parseDouble(g[i]);
        }
        int width = Integer.parseInt(f[2]);
        int height = Integer.parseInt(f[3]);
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(f[4])).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[width * height];
        bytes.asFloatBuffer().get(values);
        return new Output(null, gt, width, height, values);
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(Double.toString(v));
        }
        return sb.toString();
    }

    /** Arguments: PATH WIDTH HEIGHT GT0..GT5 EPSG. */
    private static final String MAKE_SOURCE = """
            import sys
            import numpy as np
            from osgeo import gdal, osr
            gdal.UseExceptions()
            path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            gt = [float(v) for v in sys.argv[4:10]]
            ds = gdal.GetDriverByName("GTiff").Create(path, w, h, 1, gdal.GDT_Float32)
            ds.SetGeoTransform(gt)
            srs = osr.SpatialReference()
            srs.ImportFromEPSG(int(sys.argv[10]))
            ds.SetProjection(srs.ExportToWkt())
            rows, cols = np.mgrid[0:h, 0:w]
            ds.GetRasterBand(1).WriteArray((rows * 1000 + cols).astype(np.float32))
            ds = None
            """;

    /**
     * Arguments: SOURCE JOBS OUT. Each job line: ROI ALLTOUCHED TE|- TR|-. Each output line:
     * {@code error MESSAGE} or {@code ok GT W H BASE64(float32 LE values)}.
     */
    private static final String CUT = """
            import base64
            import sys
            from osgeo import gdal
            gdal.UseExceptions()
            source, jobs, out = sys.argv[1:4]
            with open(jobs) as f, open(out, "w") as o:
                for line in f:
                    roi, touched, te, tr = line.rstrip("\\n").split("\\t")
                    kwargs = dict(format="GTiff", cutlineDSName=roi, dstNodata=-9999)
                    if touched == "1":
                        kwargs["warpOptions"] = ["CUTLINE_ALL_TOUCHED=TRUE"]
                    if te == "-":
                        kwargs["cropToCutline"] = True
                    else:
                        kwargs["outputBounds"] = [float(v) for v in te.split(",")]
                        xres, yres = [float(v) for v in tr.split(",")]
                        kwargs["xRes"], kwargs["yRes"] = xres, yres
                    try:
                        ds = gdal.Warp("/vsimem/cut.tif", source, options=gdal.WarpOptions(**kwargs))
                        gt = ds.GetGeoTransform()
                        values = ds.GetRasterBand(1).ReadAsArray().astype("<f4")
                        o.write("ok\\t%s\\t%d\\t%d\\t%s\\n" % (",".join(repr(v) for v in gt), ds.RasterXSize,
                                ds.RasterYSize, base64.b64encode(values.tobytes()).decode("ascii")))
                        ds = None
                    except Exception as e:
                        o.write("error\\t%s\\n" % str(e).replace("\\t", " ").replace("\\n", " "))
                    if gdal.VSIStatL("/vsimem/cut.tif") is not None:
                        gdal.Unlink("/vsimem/cut.tif")
            """;

    private GdalWarpCuts() {
    }
}
