package org.cogcube.cog;

import java.nio.ByteOrder;
import org.cogcube.MalformedFileException;
import org.cogcube.tiff.ImageStructure;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;
import org.cogcube.tiff.codec.TruncatedDataException;

/** Turns the stored bytes of one chunk into its samples: decompress, undo the predictor, make little-endian. */
final class ChunkDecoder {
    private ChunkDecoder() {
    }

    /**
     * How many bytes {@link #decode} writes for the first {@code rows} rows of a chunk of chunk row
     * {@code row}: those rows, or the whole chunk where the compression decodes only whole chunks.
     */
    static int decodedBytes(ImageStructure image, int row, int rows) {
        return image.decodedChunkBytes(row) / image.rowsInChunk(row) * decodedRows(image, row, rows);
    }

    private static int decodedRows(ImageStructure image, int row, int rows) {
        int rowsInChunk = image.rowsInChunk(row);
        return image.compression() == Compression.ZSTD ? rowsInChunk : Math.min(rows, rowsInChunk);
    }

    /**
     * Decodes the first {@code rows} rows of one chunk of chunk row {@code row} into little-endian
     * samples at the start of {@code out}, {@link #decodedBytes} of them. A window that needs only
     * the top of a chunk stops decompressing there (except with ZSTD, whose frames decode whole).
     * Rows above {@code firstRow} are decompressed (a stream decodes from its start) but their
     * predictor is not undone: each row's prediction stands alone, and the caller does not read them.
     *
     * @param firstRow the first row of the chunk the caller reads
     * @param out at least {@link #decodedBytes} long; the bytes past those are left as they were
     * @param where names the file and chunk in error messages
     */
    static void decode(ImageStructure image, ByteOrder order, int row, int firstRow, int rows, byte[] stored,
            int off, int len, byte[] out, String where) {
        int decodedRows = decodedRows(image, row, rows);
        int expected = decodedBytes(image, row, rows);
        try {
            image.compression().codec().decodeInto(stored, off, len, out, expected);
        } catch (TruncatedDataException e) {
            throw new TruncatedDataException(where + ": " + e.getMessage(), e);
        } catch (MalformedFileException e) {
            throw new MalformedFileException(where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MalformedFileException(where + ": corrupt " + image.compression() + " data ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        int skipped = Math.max(0, Math.min(firstRow, decodedRows));
        int rowBytes = expected / decodedRows;
        image.predictor().decode(out, skipped * rowBytes, image.chunkWidth(), decodedRows - skipped,
                image.samplesPerChunkPixel(), image.sampleType(), order);
        if (order == ByteOrder.BIG_ENDIAN) {
            swap(out, expected, image.sampleType().bytes());
        }
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
            throw new TruncatedDataException(where + ": uncompressed chunk too short: expected " + expected
                    + " bytes, found " + len);
        }
    }

    /** Reverses the bytes of every sample in {@code b[0, length)}. */
    static void swap(byte[] b, int length, int size) {
        switch (size) {
            case 1 -> {
            }
            case 2 -> {
                for (int i = 0; i + 1 < length; i += 2) {
                    byte t = b[i];
                    b[i] = b[i + 1];
                    b[i + 1] = t;
                }
            }
            default -> {
                for (int i = 0; i + size <= length; i += size) {
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
