package org.cogcube.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cogcube.CogcubeException;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.Window;
import org.cogcube.vrt.VrtMosaic;

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
        RasterSource source = RasterSource.of(raster);
        List<VrtMosaic.Chunk> chunks = new ArrayList<>();
        for (int row = 0; row < g.height(); row += chunk) {
            for (int col = 0; col < g.width(); col += chunk) {
                Window w = Window.of(col, row, Math.min(chunk, g.width() - col), Math.min(chunk, g.height() - row));
                String name = String.format(Locale.ROOT, "%s.r%dc%d.tif", layer, row / chunk, col / chunk);
                CogWriter.write(RasterSource.of(source.read(w)), folder.resolve(name), CogOptions.defaults());
                chunks.add(new VrtMosaic.Chunk(w, name));
            }
        }
        Path file = folder.resolve(layer + ".vrt");
        try {
            Files.writeString(file, VrtMosaic.xml(g, raster.type(), raster.nodata(), chunks), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CogcubeException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
