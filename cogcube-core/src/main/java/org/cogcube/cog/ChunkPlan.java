package org.cogcube.cog;

import java.util.ArrayList;
import java.util.List;
import org.cogcube.io.ByteRange;
import org.cogcube.raster.Window;
import org.cogcube.tiff.ImageStructure;

/**
 * Which chunks of an image a window needs, and where their bytes lie: pure arithmetic, no I/O.
 *
 * @param image the image read
 * @param window the window asked, within the image
 * @param bands the bands asked (0-based), in output order
 * @param chunks the chunks to fetch, each once
 */
record ChunkPlan(ImageStructure image, Window window, int[] bands, List<Chunk> chunks) {

    /**
     * One chunk to fetch and decode.
     *
     * @param index index into the image's offsets and byte counts
     * @param plane the plane (band) the chunk holds when planar, else 0
     * @param column chunk column
     * @param row chunk row
     * @param range the bytes to fetch; empty for a sparse chunk (offset or size 0)
     */
    record Chunk(int index, int plane, int column, int row, ByteRange range) {
        boolean sparse() {
            return range.length() == 0;
        }
    }

    static ChunkPlan of(ImageStructure image, Window window, int[] bands) {
        if (!window.within(image.width(), image.height())) {
            throw new IllegalArgumentException(window + " lies outside the image's " + image.width() + " x "
                    + image.height() + " pixels");
        }
        for (int b : bands) {
            if (b < 0 || b >= image.samplesPerPixel()) {
                throw new IllegalArgumentException("band " + (b + 1) + " asked of an image with "
                        + image.samplesPerPixel() + " band(s)");
            }
        }
        int c0 = window.column() / image.chunkWidth();
        int c1 = (window.endColumn() - 1) / image.chunkWidth();
        int r0 = window.row() / image.chunkHeight();
        int r1 = (window.endRow() - 1) / image.chunkHeight();
        int[] planes = image.planar() ? distinct(bands) : new int[] {0};
        List<Chunk> chunks = new ArrayList<>();
        for (int plane : planes) {
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    int i = image.chunkIndex(plane, c, r);
                    long off = image.offsets()[i];
                    long len = image.byteCounts()[i];
                    ByteRange range = off == 0 || len == 0 ? ByteRange.of(0, 0) : ByteRange.of(off, len);
                    chunks.add(new Chunk(i, plane, c, r, range));
                }
            }
        }
        return new ChunkPlan(image, window, bands.clone(), List.copyOf(chunks));
    }

    /** The ranges to fetch, one per non-sparse chunk, in chunk order. */
    List<ByteRange> ranges() {
        List<ByteRange> out = new ArrayList<>();
        for (Chunk c : chunks) {
            if (!c.sparse()) {
                out.add(c.range());
            }
        }
        return out;
    }

    private static int[] distinct(int[] bands) {
        return java.util.Arrays.stream(bands).distinct().sorted().toArray();
    }
}
