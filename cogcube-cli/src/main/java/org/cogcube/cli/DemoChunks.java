package org.cogcube.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cogcube.CogcubeException;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;

/**
 * The chunked layout of a layer, as {@code cogcube ingest --chunk-size} writes layers too large
 * for one file: the raster cut into square chunk COGs ({@code <layer>.r<row>c<column>.tif}) and
 * a GDAL VRT over them that the catalogue points at. The demo writes one layer so to show that
 * readers (cogcube, GDAL) open either layout alike.
 */
final class DemoChunks {

    private DemoChunks() {
    }

    /** Writes {@code raster} as chunks of {@code chunk} pixels and a VRT {@code folder/<layer>.vrt}; returns the VRT. */
    static Path write(Raster raster, Path folder, String layer, int chunk) {
        GridGeometry g = raster.grid();
        GeoTransform t = g.transform();
        StringBuilder vrt = new StringBuilder();
        vrt.append("<VRTDataset rasterXSize=\"").append(g.width()).append("\" rasterYSize=\"").append(g.height())
                .append("\">\n");
        vrt.append("  <SRS dataAxisToSRSAxisMapping=\"1,2\">").append(g.crs()).append("</SRS>\n");
        vrt.append(String.format(Locale.ROOT, "  <GeoTransform>%s, %s, %s, %s, %s, %s</GeoTransform>%n",
                t.originX(), t.xPerColumn(), t.xPerRow(), t.originY(), t.yPerColumn(), t.yPerRow()));
        vrt.append("  <VRTRasterBand dataType=\"").append(raster.type().gdalName()).append("\" band=\"1\">\n");
        raster.nodata().ifPresent(nd -> vrt.append("    <NoDataValue>").append((long) nd).append("</NoDataValue>\n"));
        for (int row = 0; row < g.height(); row += chunk) {
            for (int col = 0; col < g.width(); col += chunk) {
                int w = Math.min(chunk, g.width() - col);
                int h = Math.min(chunk, g.height() - row);
                String name = String.format(Locale.ROOT, "%s.r%dc%d.tif", layer, row / chunk, col / chunk);
                CogWriter.write(RasterSource.of(cut(raster, col, row, w, h)), folder.resolve(name),
                        CogOptions.defaults());
                vrt.append("    <SimpleSource>\n");
                vrt.append("      <SourceFilename relativeToVRT=\"1\">").append(name).append("</SourceFilename>\n");
                vrt.append("      <SourceBand>1</SourceBand>\n");
                vrt.append(String.format(Locale.ROOT, "      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"%d\" ySize=\"%d\"/>%n",
                        w, h));
                vrt.append(String.format(Locale.ROOT, "      <DstRect xOff=\"%d\" yOff=\"%d\" xSize=\"%d\" ySize=\"%d\"/>%n",
                        col, row, w, h));
                vrt.append("    </SimpleSource>\n");
            }
        }
        vrt.append("  </VRTRasterBand>\n</VRTDataset>\n");
        Path file = folder.resolve(layer + ".vrt");
        try {
            Files.writeString(file, vrt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CogcubeException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The samples of a window of one band, copied row by row. */
    private static Raster cut(Raster raster, int col, int row, int w, int h) {
        int bytes = raster.type().bytes();
        java.nio.ByteBuffer all = raster.data(0);
        byte[] out = new byte[w * h * bytes];
        for (int r = 0; r < h; r++) {
            all.get(((row + r) * raster.width() + col) * bytes, out, r * w * bytes, w * bytes);
        }
        return Raster.wrap(raster.type(), raster.grid().window(col, row, w, h), raster.nodata(), out);
    }
}
