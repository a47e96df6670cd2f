package org.cogcube.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cogcube.MalformedFileException;

/**
 * The first bytes of a TIFF: byte order, classic or BigTIFF, and where the first IFD is.
 *
 * @param order byte order of every value in the file
 * @param bigTiff whether the file is a BigTIFF (64-bit offsets)
 * @param firstIfdOffset where the first IFD starts
 */
public record TiffHeader(ByteOrder order, boolean bigTiff, long firstIfdOffset) {

    /** Bytes a classic header takes; a BigTIFF header takes 16. */
    public static final int CLASSIC_SIZE = 8;
    public static final int BIGTIFF_SIZE = 16;

    public int size() {
        return bigTiff ? BIGTIFF_SIZE : CLASSIC_SIZE;
    }

    /** Size in bytes of an offset (and of an entry's value field): 4 classic, 8 BigTIFF. */
    public int offsetSize() {
        return bigTiff ? 8 : 4;
    }

    /** Size in bytes of one IFD entry: 12 classic, 20 BigTIFF. */
    public int entrySize() {
        return bigTiff ? 20 : 12;
    }

    /** Size in bytes of an IFD's entry count: 2 classic, 8 BigTIFF. */
    public int entryCountSize() {
        return bigTiff ? 8 : 2;
    }

    /** Parses a header from the first bytes of a file. */
    public static TiffHeader parse(ByteBuffer start, String location) {
        if (start.remaining() < CLASSIC_SIZE) {
            throw new MalformedFileException(location + ": not a TIFF (expected at least 8 bytes, found "
                    + start.remaining() + ")");
        }
        ByteBuffer b = start.duplicate();
        int b0 = b.get(0) & 0xFF;
        int b1 = b.get(1) & 0xFF;
        ByteOrder order;
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new MalformedFileException(location + ": not a TIFF (expected byte order mark II or MM, found 0x"
                    + Integer.toHexString(b0) + " 0x" + Integer.toHexString(b1) + ")");
        }
        b.order(order);
        int magic = b.getShort(2) & 0xFFFF;
        if (magic == 42) {
            return new TiffHeader(order, false, b.getInt(4) & 0xFFFFFFFFL);
        }
        if (magic != 43) {
            throw new MalformedFileException(location + ": not a TIFF (expected version 42 or 43, found " + magic + ")");
        }
        if (b.remaining() < BIGTIFF_SIZE) {
            throw new MalformedFileException(location + ": truncated BigTIFF header (expected 16 bytes, found "
                    + b.remaining() + ")");
        }
        int offsetSize = b.getShort(4) & 0xFFFF;
        if (offsetSize != 8 || b.getShort(6) != 0) {
            throw new MalformedFileException(location + ": BigTIFF header with offset size " + offsetSize
                    + " (expected 8)");
        }
        long first = b.getLong(8);
        if (first < 0) {
            throw new MalformedFileException(location + ": BigTIFF first IFD offset " + first + " is negative");
        }
        return new TiffHeader(order, true, first);
    }
}
