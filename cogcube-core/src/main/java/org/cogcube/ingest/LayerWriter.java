package org.cogcube.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.Window;

/**
 * Writes one layer of one date as a new generation in the date's folder: one COG, or, when the
 * grid is larger than the chunk size, one COG per chunk and a VRT over them. Every file is
 * written under a temporary name, forced to disk, and renamed to its content-hashed name.
 */
final class LayerWriter {
    private final Path folder;
    private final CogOptions options;
    private final int chunkSize;
    private final PixelCounter progress;

    LayerWriter(Path folder, CogOptions options, int chunkSize, PixelCounter progress) {
        this.folder = folder;
        this.options = options;
        this.chunkSize = chunkSize;
        this.progress = progress;
    }

    /** Writes the layer and returns the file the catalogue should point at. */
    Path write(String layer, RasterSource source) {
        GridGeometry grid = source.grid();
        if (chunkSize <= 0 || grid.width() <= chunkSize && grid.height() <= chunkSize) {
            return cog(layer, source);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int row = 0; row < grid.height(); row += chunkSize) {
            for (int column = 0; column < grid.width(); column += chunkSize) {
                Window w = Window.of(column, row, Math.min(chunkSize, grid.width() - column),
                        Math.min(chunkSize, grid.height() - row));
                String name = String.format(Locale.ROOT, "%s.r%dc%d", layer, row / chunkSize, column / chunkSize);
                chunks.add(new Chunk(w, cog(name, new WindowSource(source, w))));
            }
        }
        byte[] vrt = vrt(source, chunks).getBytes(StandardCharsets.UTF_8);
        Path target = folder.resolve(layer + "." + Durable.hash(vrt) + ".vrt");
        Durable.publish(Durable.writeTemporary(folder, layer, vrt), target);
        return target;
    }

    private Path cog(String name, RasterSource source) {
        Path temp = Durable.temporary(folder, name);
        int width = source.grid().width();
        long base = progress.done();
        CogWriter.write(source, temp, options, (rows, total) -> progress.at(base + rows * width));
        Durable.force(temp);
        Path target = folder.resolve(name + "." + Durable.hash(temp) + ".tif");
        Durable.publish(temp, target);
        return target;
    }

    private record Chunk(Window window, Path file) {
    }

    /** A GDAL VRT placing each chunk at its window of the grid. */
    private static String vrt(RasterSource source, List<Chunk> chunks) {
        GridGeometry g = source.grid();
        GeoTransform t = g.transform();
        StringBuilder b = new StringBuilder();
        b.append("<VRTDataset rasterXSize=\"").append(g.width()).append("\" rasterYSize=\"").append(g.height())
                .append("\">\n");
        b.append("  <SRS dataAxisToSRSAxisMapping=\"1,2\">").append(g.crs()).append("</SRS>\n");
        b.append("  <GeoTransform>").append(t.originX()).append(", ").append(t.xPerColumn()).append(", ")
                .append(t.xPerRow()).append(", ").append(t.originY()).append(", ").append(t.yPerColumn())
                .append(", ").append(t.yPerRow()).append("</GeoTransform>\n");
        b.append("  <VRTRasterBand dataType=\"").append(source.type().gdalName()).append("\" band=\"1\">\n");
        if (source.nodata().isPresent()) {
            double nd = source.nodata().getAsDouble();
            b.append("    <NoDataValue>").append(Double.isNaN(nd) ? "nan" : number(nd)).append("</NoDataValue>\n");
        }
        for (Chunk c : chunks) {
            Window w = c.window();
            b.append("    <SimpleSource>\n");
            b.append("      <SourceFilename relativeToVRT=\"1\">").append(c.file().getFileName())
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
}
