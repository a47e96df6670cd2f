package org.cogcube.cog;

import java.nio.ByteOrder;
import org.cogcube.raster.SampleType;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;

/**
 * Encodes one tile from full-width rows: gathers the tile's pixels (interleaving bands, padding
 * past the image's edge with a fill value), applies the predictor, compresses, and frames the
 * result as GDAL's COG layout wants it: a 4-byte little-endian size before, the last 4 bytes
 * repeated after.
 */
record TileEncoder(SampleType type, int bands, int blockSize, int imageWidth, Compression compression, int level,
        Predictor predictor, byte[] fill) {

    /** Bytes of framing around a tile: leader and trailer. */
    static final int FRAMING = 8;

    /** Each codec thread gathers its tiles in one buffer of its own instead of a new one per tile. */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    /**
     * @param rows the tile's rows (up to blockSize), each per band, full width, little-endian
     * @param tileColumn which tile of the row
     */
    byte[] encode(byte[][][] rows, int tileColumn) {
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
                System.arraycopy(rows[y][0], x0 * bytes, tile, dst, w * bytes);
            } else {
                for (int b = 0; b < bands; b++) {
                    byte[] src = rows[y][b];
                    int s = x0 * bytes;
                    int d = dst + b * bytes;
                    for (int x = 0; x < w; x++, s += bytes, d += pixelBytes) {
                        System.arraycopy(src, s, tile, d, bytes);
                    }
                }
            }
        }
        predictor.encode(tile, 0, blockSize, blockSize, bands, type, ByteOrder.LITTLE_ENDIAN);
        byte[] data = compression.codec().encode(tile, 0, tile.length, level);
        if (data == tile) {
            throw new IllegalStateException("a codec returned its input buffer");
        }
        byte[] framed = new byte[data.length + FRAMING];
        int n = data.length;
        framed[0] = (byte) n;
        framed[1] = (byte) (n >>> 8);
        framed[2] = (byte) (n >>> 16);
        framed[3] = (byte) (n >>> 24);
        System.arraycopy(data, 0, framed, 4, n);
        for (int i = 0; i < 4; i++) {
            framed[4 + n + i] = n >= 4 ? data[n - 4 + i] : 0;
        }
        return framed;
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
