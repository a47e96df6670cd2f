package org.cogcube.ingest;

import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;

/** One window of a source, as a source of its own (a chunk of a chunked layer). */
final class WindowSource implements RasterSource {
    private final RasterSource source;
    private final Window window;

    WindowSource(RasterSource source, Window window) {
        this.source = source;
        this.window = window;
    }

    @Override
    public SampleType type() {
        return source.type();
    }

    @Override
    public int bandCount() {
        return source.bandCount();
    }

    @Override
    public GridGeometry grid() {
        return source.grid().window(window.column(), window.row(), window.width(), window.height());
    }

    @Override
    public OptionalDouble nodata() {
        return source.nodata();
    }

    @Override
    public Raster read(Window w) {
        Raster r = source.read(Window.of(window.column() + w.column(), window.row() + w.row(), w.width(), w.height()));
        byte[][] bands = new byte[r.bandCount()][];
        for (int b = 0; b < bands.length; b++) {
            java.nio.ByteBuffer data = r.data(b);
            bands[b] = new byte[data.remaining()];
            data.get(bands[b]);
        }
        return Raster.wrap(r.type(), grid().window(w.column(), w.row(), w.width(), w.height()), r.nodata(), bands);
    }
}
