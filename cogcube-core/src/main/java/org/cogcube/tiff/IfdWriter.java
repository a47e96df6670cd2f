package org.cogcube.tiff;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out one IFD for writing: the entry table, then the values too large to sit inline, each
 * on an even offset. Some values may be placed elsewhere by the caller ("placed" values, such
 * as tile offsets that GDAL's COG layout puts after every IFD).
 */
public final class IfdWriter {
    private final TiffHeader header;
    private final List<TagValue> values = new ArrayList<>();
    private final Map<Integer, Long> placed = new HashMap<>();

    public IfdWriter(TiffHeader header) {
        this.header = header;
    }

    /** Adds a value written after the entry table. */
    public IfdWriter add(TagValue value) {
        values.add(value);
        return this;
    }

    /** Adds a value whose bytes the caller writes at an offset given later with {@link #place}. */
    public IfdWriter addPlaced(TagValue value) {
        values.add(value);
        placed.put(value.tag(), -1L);
        return this;
    }

    /** Sets where a placed value's bytes are. */
    public void place(Tag tag, long offset) {
        if (!placed.containsKey(tag.code())) {
            throw new IllegalArgumentException(tag.specName() + " was not added as a placed value");
        }
        placed.put(tag.code(), offset);
    }

    /** Whether a value is stored in its entry rather than elsewhere. */
    public boolean isInline(TagValue v) {
        return (long) v.count() * v.type().size() <= header.offsetSize();
    }

    private List<TagValue> sorted() {
        List<TagValue> s = new ArrayList<>(values);
        s.sort(Comparator.comparingInt(TagValue::tag));
        return s;
    }

    /** Size of the entry table (count, entries, next offset). */
    public long tableSize() {
        return header.entryCountSize() + (long) values.size() * header.entrySize() + header.offsetSize();
    }

    /** Size of the IFD as written here: entry table plus the values that follow it (not the placed ones). */
    public long size() {
        long size = align(tableSize());
        for (TagValue v : sorted()) {
            if (!isInline(v) && !placed.containsKey(v.tag())) {
                size += align((long) v.count() * v.type().size());
            }
        }
        return size;
    }

    private static long align(long n) {
        return (n + 1) & ~1L;
    }

    /** Writes the IFD, which starts at file offset {@code offset}, into {@code out} at its position. */
    public void write(ByteBuffer out, long offset, long nextIfdOffset) {
        if (out.order() != header.order()) {
            throw new IllegalArgumentException("buffer byte order differs from the file's");
        }
        List<TagValue> s = sorted();
        int start = out.position();
        long external = offset + align(tableSize());
        if (header.bigTiff()) {
            out.putLong(s.size());
        } else {
            out.putShort((short) s.size());
        }
        List<TagValue> after = new ArrayList<>();
        for (TagValue v : s) {
            out.putShort((short) v.tag());
            out.putShort((short) v.type().code());
            if (header.bigTiff()) {
                out.putLong(v.count());
            } else {
                out.putInt(v.count());
            }
            byte[] raw = v.rawBytes();
            if (isInline(v)) {
                out.put(raw);
                for (int i = raw.length; i < header.offsetSize(); i++) {
                    out.put((byte) 0);
                }
            } else {
                long where;
                if (placed.containsKey(v.tag())) {
                    where = placed.get(v.tag());
                    if (where < 0) {
                        throw new IllegalStateException(Tag.nameOf(v.tag()) + " was never placed");
                    }
                } else {
                    where = external;
                    external += align(raw.length);
                    after.add(v);
                }
                putOffset(out, where);
            }
        }
        putOffset(out, nextIfdOffset);
        pad(out, start);
        for (TagValue v : after) {
            out.put(v.rawBytes());
            pad(out, start);
        }
    }

    private void putOffset(ByteBuffer out, long v) {
        if (header.bigTiff()) {
            out.putLong(v);
        } else {
            if (v > 0xFFFFFFFFL) {
                throw new IllegalStateException("offset " + v + " does not fit a classic TIFF; use BigTIFF");
            }
            out.putInt((int) v);
        }
    }

    private static void pad(ByteBuffer out, int start) {
        if (((out.position() - start) & 1) != 0) {
            out.put((byte) 0);
        }
    }
}
