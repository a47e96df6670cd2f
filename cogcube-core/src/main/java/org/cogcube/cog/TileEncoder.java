package org.cogcube.cog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cogcube.raster.SampleType;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;

/**
 * Encodes one tile from full-width rows: gathers the tile's pixels (interleaving bands, padding
 * past the image's edge with a fill value), applies the predictor and compresses; {@link #framed}
 * frames the result as GDAL's COG layout wants it: a 4-byte little-endian size before, the last
 * 4 bytes repeated after.
 */
record TileEncoder(SampleType type, int bands, int blockSize, int imageWidth, Compression compression, int level,
        Predictor predictor, byte[] fill) {

    /** Each codec thread gathers its tiles in one buffer of its own instead of a new one per tile. */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    /**
     * @param rows the tile's rows (up to blockSize), each per band, full width, little-endian
     * @param tileColumn which tile of the row
     */
    byte[] encode(ByteBuffer[][] rows, int tileColumn) {
        int bytes = type.bytes();
        int pixelBytes = bytes * bands;
        byte[] tile = scratch(blockSize * blockSize * pixelBytes);
        int x0 = tileColumn * blockSize;
        int w = Math.min(blockSize, imageWidth - x0);
        boolean partial = w < blockSize || rows.length < blockSize;
        if (partial) {
            java.util.Arrays.fill(tile, (byte) 0);
        }
        boolean needsFill = fill != null && partial;
        if (needsFill) {
            for (int i = 0; i < blockSize * blockSize; i++) {
                for (int b = 0; b < bands; b++) {
                    System.arraycopy(fill, 0, tile, i * pixelBytes + b * bytes, bytes);
                }
            }
        }
        for (int y = 0; y < rows.length; y++) {
            int dst = y * blockSize * pixelBytes;
            if (bands == 1) {
                rows[y][0].get(x0 * bytes, tile, dst, w * bytes);
            } else {
                for (int b = 0; b < bands; b++) {
                    ByteBuffer src = rows[y][b];
                    int s = x0 * bytes;
                    int d = dst + b * bytes;
                    for (int x = 0; x < w; x++, d += pixelBytes) {
                        for (int k = 0; k < bytes; k++) {
                            tile[d + k] = src.get(s++);
                        }
                    }
                }
            }
        }
        predictor.encode(tile, 0, blockSize, blockSize, bands, type, ByteOrder.LITTLE_ENDIAN);
        byte[] data = compression.codec().encode(tile, 0, tile.length, level);
        if (data == tile) {
            throw new IllegalStateException("a codec returned its input buffer");
        }
        return data;
    }

    /**
     * A tile's compressed bytes framed for GDAL's COG layout, as buffers to write one after the
     * other (the data is not copied): its size as 4 little-endian bytes, the data, its last 4 bytes.
     */
    static ByteBuffer[] framed(byte[] data) {
        int n = data.length;
        ByteBuffer leader = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, n);
        byte[] trailer = new byte[4];
        if (n >= 4) {
            System.arraycopy(data, n - 4, trailer, 0, 4);
        }
        return new ByteBuffer[] {leader, ByteBuffer.wrap(data), ByteBuffer.wrap(trailer)};
    }

    private static byte[] scratch(int length) {
        byte[] b = SCRATCH.get();
        if (b == null || b.length != length) {
            b = new byte[length];
            SCRATCH.set(b);
        }
        return b;
    }
}
