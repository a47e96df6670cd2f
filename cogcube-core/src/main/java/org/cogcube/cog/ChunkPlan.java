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

    /** The ranges to fetch first ({@link #firstFetch}), one per non-sparse chunk, in chunk order. */
    List<ByteRange> ranges() {
        List<ByteRange> out = new ArrayList<>();
        for (Chunk c : chunks) {
            if (!c.sparse()) {
                out.add(firstFetch(c));
            }
        }
        return out;
    }

    /** The rows of a chunk, from its top, that must be decoded for the window. */
    int rowsNeeded(Chunk c) {
        return Math.min(image.rowsInChunk(c.row()), window.endRow() - c.row() * image.chunkHeight());
    }

    /**
     * The bytes of a chunk to fetch first: all of them, or, when the window needs only the chunk's
     * top rows and the chunk decodes as one stream from its start (DEFLATE, LZW, uncompressed), a
     * prefix that should hold those rows: exactly their bytes when uncompressed, else their share
     * of the stored bytes plus a margin ({@value #MARGIN_DIVISOR}th of the chunk and
     * {@value #MARGIN_BYTES} bytes). A field of 50 rows in a 512-row tile needs on average half
     * of the tile's bytes; on a slow link that is half of the time. A prefix that falls short
     * ({@link org.cogcube.tiff.codec.TruncatedDataException}) is completed by a second read, so a
     * prefix is asked only when it leaves out at least {@value #MIN_SAVING} bytes: for less, the
     * risk of a second round trip costs more than it saves.
     */
    ByteRange firstFetch(Chunk c) {
        ByteRange all = c.range();
        int rows = image.rowsInChunk(c.row());
        int needed = rowsNeeded(c);
        if (needed >= rows || all.length() == 0) {
            return all;
        }
        long prefix = switch (image.compression()) {
            case NONE -> (long) image.decodedChunkBytes(c.row()) / rows * needed;
            case DEFLATE, ADOBE_DEFLATE, LZW -> all.length() * needed / rows + all.length() / MARGIN_DIVISOR
                    + MARGIN_BYTES;
            default -> all.length();
        };
        return prefix > all.length() - MIN_SAVING ? all : ByteRange.of(all.offset(), prefix);
    }

    /** The margin of a prefix, as a fraction of the chunk's stored bytes: data is not equally dense in every row. */
    static final int MARGIN_DIVISOR = 16;
    /** And in bytes: a DEFLATE block begins with its code tables. */
    static final int MARGIN_BYTES = 1024;
    /** The least a prefix must leave out to be worth its risk. */
    static final int MIN_SAVING = 16 * 1024;

    private static int[] distinct(int[] bands) {
        return java.util.Arrays.stream(bands).distinct().sorted().toArray();
    }
}
