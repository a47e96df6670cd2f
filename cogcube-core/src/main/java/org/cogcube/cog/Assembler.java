package org.cogcube.cog;

import org.cogcube.raster.Window;
import org.cogcube.tiff.ImageStructure;

/** Copies the part of a decoded chunk that a window covers into the window's per-band arrays. */
final class Assembler {
    private Assembler() {
    }

    /**
     * @param chunk decoded little-endian samples of the chunk, from {@code chunkOffset}
     * @param out per output band, the window's samples (little-endian, row by row)
     */
    static void copy(ImageStructure image, ChunkPlan.Chunk c, byte[] chunk, int chunkOffset, Window w, int[] bands,
            byte[][] out) {
        int bytes = image.sampleType().bytes();
        int cx0 = c.column() * image.chunkWidth();
        int cy0 = c.row() * image.chunkHeight();
        int x0 = Math.max(w.column(), cx0);
        int x1 = Math.min(w.endColumn(), cx0 + image.chunkWidth());
        int y0 = Math.max(w.row(), cy0);
        int y1 = Math.min(w.endRow(), Math.min(cy0 + image.rowsInChunk(c.row()), image.height()));
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int spp = image.samplesPerChunkPixel();
        int runBytes = (x1 - x0) * bytes;
        for (int ob = 0; ob < bands.length; ob++) {
            int sample;
            if (image.planar()) {
                if (bands[ob] != c.plane()) {
                    continue;
                }
                sample = 0;
            } else {
                sample = bands[ob];
            }
            byte[] dst = out[ob];
            for (int y = y0; y < y1; y++) {
                int srcRow = ((y - cy0) * image.chunkWidth() + (x0 - cx0)) * spp;
                int dstPos = ((y - w.row()) * w.width() + (x0 - w.column())) * bytes;
                if (spp == 1) {
                    System.arraycopy(chunk, chunkOffset + srcRow * bytes, dst, dstPos, runBytes);
                } else {
                    int src = chunkOffset + (srcRow + sample) * bytes;
                    int step = spp * bytes;
                    for (int x = x0; x < x1; x++, src += step, dstPos += bytes) {
                        System.arraycopy(chunk, src, dst, dstPos, bytes);
                    }
                }
            }
        }
    }

    /** Fills the part of the window a sparse chunk covers with a value's little-endian bytes. */
    static void fill(ImageStructure image, ChunkPlan.Chunk c, byte[] value, Window w, int[] bands, byte[][] out) {
        int bytes = value.length;
        int cx0 = c.column() * image.chunkWidth();
        int cy0 = c.row() * image.chunkHeight();
        int x0 = Math.max(w.column(), cx0);
        int x1 = Math.min(w.endColumn(), cx0 + image.chunkWidth());
        int y0 = Math.max(w.row(), cy0);
        int y1 = Math.min(w.endRow(), cy0 + image.chunkHeight());
        for (int ob = 0; ob < bands.length; ob++) {
            if (image.planar() && bands[ob] != c.plane()) {
                continue;
            }
            for (int y = y0; y < y1; y++) {
                int pos = ((y - w.row()) * w.width() + (x0 - w.column())) * bytes;
                for (int x = x0; x < x1; x++, pos += bytes) {
                    System.arraycopy(value, 0, out[ob], pos, bytes);
                }
            }
        }
    }
}
