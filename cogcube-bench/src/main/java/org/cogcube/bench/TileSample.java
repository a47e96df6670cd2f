package org.cogcube.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw compressed tiles of a tiled TIFF's first image, read straight from the file, with the
 * decoded size of a tile: what a codec benchmark feeds its codecs. Reads only what it needs of
 * classic TIFF and BigTIFF (tile size, sample size, tile offsets and byte counts) and trusts the
 * file: it is a benchmark input, not user data.
 *
 * @param tiles the compressed tiles, evenly spread over the image
 * @param tileBytes the decoded size of every tile
 */
record TileSample(List<byte[]> tiles, int tileBytes) {

    /** Up to {@code count} tiles taken at an even stride through the image's tiles. */
    static TileSample read(Path file, int count) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(ch, 0, 16, ByteOrder.LITTLE_ENDIAN);
            ByteOrder order = head.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            head.order(order);
            boolean big = head.getShort(2) == 43;
            long ifd = big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL;
            long entries = big ? read(ch, ifd, 8, order).getLong(0) : read(ch, ifd, 2, order).getShort(0) & 0xFFFF;
            int entrySize = big ? 20 : 12;
            ByteBuffer dir = read(ch, ifd + (big ? 8 : 2), (int) entries * entrySize, order);
            long[] offsets = null;
            long[] counts = null;
            int width = 0;
            int height = 0;
            int bitsPerSample = 8;
            int samples = 1;
            for (int e = 0; e < entries; e++) {
                int at = e * entrySize;
                int tag = dir.getShort(at) & 0xFFFF;
                switch (tag) {
                    case 322 -> width = (int) value(ch, dir, at, big, order)[0];
                    case 323 -> height = (int) value(ch, dir, at, big, order)[0];
                    case 258 -> bitsPerSample = (int) value(ch, dir, at, big, order)[0];
                    case 277 -> samples = (int) value(ch, dir, at, big, order)[0];
                    case 324 -> offsets = value(ch, dir, at, big, order);
                    case 325 -> counts = value(ch, dir, at, big, order);
                    default -> {
                    }
                }
            }
            if (offsets == null || counts == null || width == 0) {
                throw new IOException(file + " is not a tiled TIFF");
            }
            List<byte[]> tiles = new ArrayList<>();
            int n = Math.min(count, offsets.length);
            for (int k = 0; k < n; k++) {
                int t = (int) ((long) k * offsets.length / n);
                ByteBuffer tile = read(ch, offsets[t], (int) counts[t], order);
                byte[] b = new byte[tile.remaining()];
                tile.get(b);
                tiles.add(b);
            }
            return new TileSample(tiles, width * height * samples * bitsPerSample / 8);
        }
    }

    /** The values of one IFD entry of type SHORT, LONG or LONG8. */
    private static long[] value(FileChannel ch, ByteBuffer dir, int at, boolean big, ByteOrder order)
            throws IOException {
        int type = dir.getShort(at + 2) & 0xFFFF;
        long n = big ? dir.getLong(at + 4) : dir.getInt(at + 4) & 0xFFFFFFFFL;
        int size = switch (type) {
            case 3 -> 2;
            case 4 -> 4;
            case 16 -> 8;
            default -> throw new IOException("unexpected TIFF type " + type);
        };
        int inline = big ? 8 : 4;
        int valueAt = at + (big ? 12 : 8);
        ByteBuffer values = n * size <= inline
                ? dir.duplicate().order(order).position(valueAt).slice().order(order)
                : read(ch, big ? dir.getLong(valueAt) : dir.getInt(valueAt) & 0xFFFFFFFFL, (int) (n * size), order);
        long[] v = new long[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (size) {
                case 2 -> values.getShort(i * 2) & 0xFFFF;
                case 4 -> values.getInt(i * 4) & 0xFFFFFFFFL;
                default -> values.getLong(i * 8);
            };
        }
        return v;
    }

    private static ByteBuffer read(FileChannel ch, long at, int n, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(order);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("unexpected end of file at " + (at + b.position()));
            }
        }
        return b.flip();
    }
}
