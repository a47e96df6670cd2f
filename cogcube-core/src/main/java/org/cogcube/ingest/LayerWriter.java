package org.cogcube.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.Window;
import org.cogcube.vrt.VrtMosaic;

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
        return VrtMosaic.xml(source.grid(), source.type(), source.nodata(), chunks.stream()
                .map(c -> new VrtMosaic.Chunk(c.window(), c.file().getFileName().toString())).toList());
    }
}
