package org.cogcube.raster;

import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;

/** A {@link RasterSource} over a raster in memory: windows are copied out of it. */
final class InMemorySource implements RasterSource {
    private final Raster raster;

    InMemorySource(Raster raster) {
        this.raster = raster;
    }

    @Override
    public SampleType type() {
        return raster.type();
    }

    @Override
    public int bandCount() {
        return raster.bandCount();
    }

    @Override
    public GridGeometry grid() {
        return raster.grid();
    }

    @Override
    public OptionalDouble nodata() {
        return raster.nodata();
    }

    @Override
    public Raster read(Window w) {
        if (!w.within(raster.width(), raster.height())) {
            throw new IllegalArgumentException(w + " lies outside the raster's " + raster.width() + " x "
                    + raster.height());
        }
        int bytes = raster.type().bytes();
        byte[][] out = new byte[raster.bandCount()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = new byte[w.width() * w.height() * bytes];
            java.nio.ByteBuffer src = raster.data(b);
            for (int r = 0; r < w.height(); r++) {
                src.get(((w.row() + r) * raster.width() + w.column()) * bytes, out[b], r * w.width() * bytes,
                        w.width() * bytes);
            }
        }
        return Raster.wrap(raster.type(), raster.grid().window(w.column(), w.row(), w.width(), w.height()),
                raster.nodata(), out);
    }
}
