package org.cogcube.cog;

import java.nio.ByteOrder;
import org.cogcube.MalformedFileException;
import org.cogcube.tiff.ImageStructure;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;

/** Turns the stored bytes of one chunk into its samples: decompress, undo the predictor, make little-endian. */
final class ChunkDecoder {
    private ChunkDecoder() {
    }

    /**
     * Decodes the first {@code rows} rows of one chunk of chunk row {@code row} into little-endian
     * samples. A window that needs only the top of a chunk stops decompressing there (except
     * with ZSTD, whose frames decode whole). Rows above {@code firstRow} are decompressed (a
     * stream decodes from its start) but their predictor is not undone: each row's prediction
     * stands alone, and the caller does not read them.
     *
     * @param firstRow the first row of the chunk the caller reads
     * @param where names the file and chunk in error messages
     */
    static byte[] decode(ImageStructure image, ByteOrder order, int row, int firstRow, int rows, byte[] stored,
            int off, int len, String where) {
        int rowsInChunk = image.rowsInChunk(row);
        int decodedRows = image.compression() == Compression.ZSTD ? rowsInChunk : Math.min(rows, rowsInChunk);
        int expected = image.decodedChunkBytes(row) / rowsInChunk * decodedRows;
        byte[] out;
        try {
            out = image.compression().codec().decode(stored, off, len, expected);
        } catch (MalformedFileException e) {
            throw new MalformedFileException(where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MalformedFileException(where + ": corrupt " + image.compression() + " data ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        if (out.length != expected) {
            throw new MalformedFileException(where + ": expected " + expected + " decoded bytes, got " + out.length);
        }
        int skipped = Math.max(0, Math.min(firstRow, decodedRows));
        int rowBytes = expected / decodedRows;
        image.predictor().decode(out, skipped * rowBytes, image.chunkWidth(), decodedRows - skipped,
                image.samplesPerChunkPixel(), image.sampleType(), order);
        if (order == ByteOrder.BIG_ENDIAN) {
            swap(out, image.sampleType().bytes());
        }
        return out;
    }

    /**
     * Whether a chunk's stored bytes are already its little-endian samples (no compression, no
     * predictor, little-endian or single bytes), so that a reader can copy them without decoding.
     */
    static boolean storedAsSamples(ImageStructure image, ByteOrder order) {
        return image.compression() == Compression.NONE && image.predictor() == Predictor.NONE
                && (order == ByteOrder.LITTLE_ENDIAN || image.sampleType().bytes() == 1);
    }

    /** Checks that an uncompressed chunk of chunk row {@code row} holds its first {@code rows} rows. */
    static void checkStoredLength(ImageStructure image, int row, int rows, int len, String where) {
        int rowsInChunk = image.rowsInChunk(row);
        int expected = image.decodedChunkBytes(row) / rowsInChunk * Math.min(rows, rowsInChunk);
        if (len < expected) {
            throw new MalformedFileException(where + ": uncompressed chunk too short: expected " + expected
                    + " bytes, found " + len);
        }
    }

    /** Reverses the bytes of every sample. */
    static void swap(byte[] b, int size) {
        switch (size) {
            case 1 -> {
            }
            case 2 -> {
                for (int i = 0; i + 1 < b.length; i += 2) {
                    byte t = b[i];
                    b[i] = b[i + 1];
                    b[i + 1] = t;
                }
            }
            default -> {
                for (int i = 0; i + size <= b.length; i += size) {
                    for (int j = 0; j < size / 2; j++) {
                        byte t = b[i + j];
                        b[i + j] = b[i + size - 1 - j];
                        b[i + size - 1 - j] = t;
                    }
                }
            }
        }
    }
}
