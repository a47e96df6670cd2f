package org.cogcube.cog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cogcube.io.Futures;

/**
 * Writes one level of a COG while its rows stream in: tiles each complete row of tiles on the
 * encoding threads ({@link EncodePool}), appends the framed tiles to this level's temporary file in row-major order,
 * and feeds the next (coarser) level the rows it computes. Holds only the rows still needed.
 * Driven by one thread.
 */
final class LevelWriter {
    /** Tile rows compressing at once per level before the writer waits: bounds memory. */
    private static final int MAX_PENDING_ROWS = Math.max(2, EncodePool.THREADS);

    final int width;
    final int height;
    final int tilesAcross;
    final int tilesDown;
    private final int blockSize;
    private final TileEncoder encoder;
    private final RowBuffer rows;
    private final int bands;
    private final FileChannel temp;
    private final LevelWriter next;
    private final Downsampler downsampler;
    private final ArrayDeque<List<CompletableFuture<byte[]>>> pending = new ArrayDeque<>();
    /** Per tile: offset of its data (past the leader) in the temporary file, and its size. */
    final long[] tileOffsets;
    final long[] tileSizes;
    private int tilesWritten;
    private int nextTileRow;
    private int nextDownRow;

    LevelWriter(int width, int height, int blockSize, int bands, TileEncoder encoder, FileChannel temp,
            LevelWriter next, Downsampler downsampler) {
        this.width = width;
        this.height = height;
        this.blockSize = blockSize;
        this.bands = bands;
        this.encoder = encoder;
        this.temp = temp;
        this.next = next;
        this.downsampler = downsampler;
        this.rows = new RowBuffer(bands);
        this.tilesAcross = (width + blockSize - 1) / blockSize;
        this.tilesDown = (height + blockSize - 1) / blockSize;
        this.tileOffsets = new long[tilesAcross * tilesDown];
        this.tileSizes = new long[tilesAcross * tilesDown];
    }

    /** Takes the next rows of this level, in order: {@code newRows[row][band]}, full width, little-endian. */
    void accept(List<ByteBuffer[]> newRows) {
        for (ByteBuffer[] r : newRows) {
            rows.append(r);
        }
        startReadyTileRows();
        if (next != null) {
            List<ByteBuffer[]> produced = new ArrayList<>();
            while (nextDownRow < next.height && downsampler.sourceRows(nextDownRow)[1] <= rows.end()) {
                ByteBuffer[] row = new ByteBuffer[bands];
                for (int b = 0; b < bands; b++) {
                    row[b] = ByteBuffer.wrap(downsampler.row(rows, b, nextDownRow)).order(ByteOrder.LITTLE_ENDIAN);
                }
                produced.add(row);
                nextDownRow++;
            }
            if (!produced.isEmpty()) {
                next.accept(produced);
            }
        }
        int keep = Math.min(nextTileRow * blockSize,
                next == null || nextDownRow >= next.height ? Integer.MAX_VALUE : downsampler.sourceRows(nextDownRow)[0]);
        rows.dropBefore(keep);
        // Waiting only now lets the rows of the coarser levels be computed while these tiles encode.
        while (pending.size() > MAX_PENDING_ROWS) {
            writeOldest();
        }
    }

    private void startReadyTileRows() {
        while (nextTileRow < tilesDown && rows.end() >= Math.min((nextTileRow + 1) * blockSize, height)) {
            int y0 = nextTileRow * blockSize;
            int y1 = Math.min(y0 + blockSize, height);
            ByteBuffer[][] snapshot = new ByteBuffer[y1 - y0][bands];
            for (int y = y0; y < y1; y++) {
                for (int b = 0; b < bands; b++) {
                    snapshot[y - y0][b] = rows.row(b, y);
                }
            }
            List<CompletableFuture<byte[]>> tiles = new ArrayList<>(tilesAcross);
            for (int c = 0; c < tilesAcross; c++) {
                int column = c;
                tiles.add(CompletableFuture.supplyAsync(() -> encoder.encode(snapshot, column), EncodePool.EXECUTOR));
            }
            pending.add(tiles);
            nextTileRow++;
        }
    }

    private void writeOldest() {
        for (CompletableFuture<byte[]> f : pending.removeFirst()) {
            byte[] data = Futures.join(f);
            ByteBuffer[] framed = TileEncoder.framed(data);
            try {
                long at = temp.position();
                while (framed[2].hasRemaining()) {
                    temp.write(framed);
                }
                tileOffsets[tilesWritten] = at + 4;
                tileSizes[tilesWritten] = data.length;
                tilesWritten++;
            } catch (IOException e) {
                throw new UncheckedIOException("writing a temporary tile file: " + e.getMessage(), e);
            }
        }
    }

    /** Waits for every tile of this level and the coarser ones to be written. Call after the last rows. */
    void finish() {
        if (nextTileRow != tilesDown) {
            throw new IllegalStateException("level " + width + "x" + height + " finished after " + rows.end()
                    + " rows");
        }
        while (!pending.isEmpty()) {
            writeOldest();
        }
        if (next != null) {
            next.finish();
        }
    }

    /** Bytes of this level's framed tiles. */
    long dataSize() throws IOException {
        return temp.size();
    }

    FileChannel temp() {
        return temp;
    }

    /** Cancels what is still compressing (after a failure). */
    void abandon() {
        for (List<CompletableFuture<byte[]>> row : pending) {
            row.forEach(f -> f.cancel(false));
        }
        pending.clear();
    }
}
