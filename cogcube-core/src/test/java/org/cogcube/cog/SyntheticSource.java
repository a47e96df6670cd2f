package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalDouble;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;

/**
 * A uint16 image of any size whose pixels are computed when asked ({@link #value}), so a test can
 * stream an image far larger than the heap through the writer and still know every pixel.
 */
final class SyntheticSource implements RasterSource {
    private final GridGeometry grid;

    SyntheticSource(int width, int height) {
        this.grid = TestRasters.utmGrid(width, height);
    }

    static int value(int x, int y) {
        int h = (x * 73856093) ^ (y * 19349663);
        return (x / 7 + 3 * (y / 5) + ((h >>> 13) & 15)) & 0xFFFF;
    }

    @Override
    public SampleType type() {
        return SampleType.UINT16;
    }

    @Override
    public int bandCount() {
        return 1;
    }

    @Override
    public GridGeometry grid() {
        return grid;
    }

    @Override
    public OptionalDouble nodata() {
        return OptionalDouble.empty();
    }

    @Override
    public Raster read(Window w) {
        ByteBuffer b = ByteBuffer.allocate(w.width() * w.height() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = w.row(); y < w.endRow(); y++) {
            for (int x = w.column(); x < w.endColumn(); x++) {
                b.putShort((short) value(x, y));
            }
        }
        return Raster.wrap(SampleType.UINT16, grid.window(w.column(), w.row(), w.width(), w.height()),
                OptionalDouble.empty(), b.array());
    }

    /** Writes a synthetic image of {@code args[1]} x {@code args[1]} pixels to {@code args[0]}: run in a small heap. */
    public static void main(String[] args) {
        int size = Integer.parseInt(args[1]);
        CogWriter.write(new SyntheticSource(size, size), java.nio.file.Path.of(args[0]), CogOptions.defaults());
    }
}
