package org.cogcube.vrt;

import java.util.List;
import java.util.OptionalDouble;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;

/**
 * Writes the GDAL VRT of a single-band layer stored as chunks: one {@code SimpleSource} per
 * chunk file (relative to the VRT), placed at its window of the grid. This is the layout
 * published cubes use for large layers; {@link Vrt} and GDAL read it alike.
 */
public final class VrtMosaic {
    private VrtMosaic() {
    }

    /**
     * A chunk of the layer.
     *
     * @param window where the chunk lies in the layer's grid
     * @param fileName the chunk's file name, relative to the VRT's folder
     */
    public record Chunk(Window window, String fileName) {
    }

    /** The VRT document placing each chunk at its window of {@code grid}. */
    public static String xml(GridGeometry grid, SampleType type, OptionalDouble nodata, List<Chunk> chunks) {
        GeoTransform t = grid.transform();
        StringBuilder b = new StringBuilder();
        b.append("<VRTDataset rasterXSize=\"").append(grid.width()).append("\" rasterYSize=\"").append(grid.height())
                .append("\">\n");
        b.append("  <SRS dataAxisToSRSAxisMapping=\"1,2\">").append(grid.crs()).append("</SRS>\n");
        b.append("  <GeoTransform>").append(t.originX()).append(", ").append(t.xPerColumn()).append(", ")
                .append(t.xPerRow()).append(", ").append(t.originY()).append(", ").append(t.yPerColumn())
                .append(", ").append(t.yPerRow()).append("</GeoTransform>\n");
        b.append("  <VRTRasterBand dataType=\"").append(type.gdalName()).append("\" band=\"1\">\n");
        if (nodata.isPresent()) {
            double nd = nodata.getAsDouble();
            b.append("    <NoDataValue>").append(Double.isNaN(nd) ? "nan" : number(nd)).append("</NoDataValue>\n");
        }
        for (Chunk c : chunks) {
            Window w = c.window();
            b.append("    <SimpleSource>\n");
            b.append("      <SourceFilename relativeToVRT=\"1\">").append(escape(c.fileName()))
                    .append("</SourceFilename>\n");
            b.append("      <SourceBand>1</SourceBand>\n");
            b.append("      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"").append(w.width()).append("\" ySize=\"")
                    .append(w.height()).append("\"/>\n");
            b.append("      <DstRect xOff=\"").append(w.column()).append("\" yOff=\"").append(w.row())
                    .append("\" xSize=\"").append(w.width()).append("\" ySize=\"").append(w.height()).append("\"/>\n");
            b.append("    </SimpleSource>\n");
        }
        b.append("  </VRTRasterBand>\n</VRTDataset>\n");
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
