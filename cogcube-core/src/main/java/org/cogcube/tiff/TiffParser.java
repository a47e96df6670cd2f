package org.cogcube.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.cogcube.MalformedFileException;
import org.cogcube.io.ByteRange;
import org.cogcube.io.RangeReader;

/**
 * Reads a TIFF's header and IFD chain through a {@link RangeReader}, distrusting every number:
 * offsets and counts are checked against the file size, cycles in the chain and absurd entry
 * counts are refused. Confined to one parse; not thread-safe.
 */
final class TiffParser {
    /** More IFDs than this in one chain is not an image a person made. */
    static final int MAX_IFDS = 4096;
    /** More entries than this in one IFD is hostile. */
    static final int MAX_ENTRIES = 1024;
    /** No tag of an image needs more than this many bytes (256 MiB of tile offsets is 32M tiles). */
    static final long MAX_VALUE_BYTES = 256L << 20;

    private final RangeReader source;
    private final int prefix;
    /** Fetched bytes, by offset. */
    private final TreeMap<Long, ByteBuffer> fetched = new TreeMap<>();
    private final Set<Long> visited = new HashSet<>();
    private final List<Ifd> ifds = new ArrayList<>();
    private TiffHeader header;
    private long size;
    /** The end of the structural bytes seen so far: header, ghost header, IFD tables and their values. */
    private long headerEnd;
    /** Where GDAL's ghost header lies, once the file's size is known. */
    private Optional<ByteRange> ghost = Optional.empty();

    TiffParser(RangeReader source, int prefix) {
        this.source = source;
        this.prefix = prefix;
    }

    CompletableFuture<TiffFile> parse() {
        return source.read(ByteRange.of(0, prefix)).thenCompose(first -> {
            fetched.put(0L, first);
            header = TiffHeader.parse(first, source.location());
            headerEnd = header.size();
            return source.size();
        }).thenCompose(fileSize -> {
            size = fileSize;
            ghost = ghostRange();
            return ghost.map(r -> ensure(List.of(r), 0)).orElse(CompletableFuture.completedFuture(null));
        }).thenCompose(v -> next(header.firstIfdOffset())).thenApply(v -> {
            String text = ghost.map(r -> {
                ByteBuffer b = slice(r);
                byte[] body = new byte[b.remaining() - GHOST_FIXED];
                b.position(b.position() + GHOST_FIXED).get(body);
                return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
            }).orElse("");
            return new TiffFile(source.location(), header, ifds, size, text, headerEnd);
        });
    }

    private static final String GHOST_MARKER = "GDAL_STRUCTURAL_METADATA_SIZE=";
    /** The marker, six digits of length and " bytes\n". */
    private static final int GHOST_FIXED = GHOST_MARKER.length() + 6 + " bytes\n".length();

    /**
     * Where GDAL's structural metadata lies (the fixed start with its length, and the text), right
     * after the header; empty when the file has none. Cut at the end of the file.
     */
    private Optional<ByteRange> ghostRange() {
        ByteBuffer first = fetched.get(0L).duplicate();
        int start = first.position() + header.size();
        if (first.limit() < start + GHOST_FIXED) {
            return Optional.empty();
        }
        byte[] head = new byte[GHOST_FIXED];
        first.get(start, head);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!text.startsWith(GHOST_MARKER)) {
            return Optional.empty();
        }
        int length;
        try {
            length = Integer.parseInt(text.substring(GHOST_MARKER.length(), GHOST_MARKER.length() + 6));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long end = Math.min(size, (long) header.size() + GHOST_FIXED + length);
        headerEnd = Math.max(headerEnd, end);
        return Optional.of(ByteRange.of(header.size(), end - header.size()));
    }

    private String where() {
        return source.location();
    }

    private CompletableFuture<Void> next(long offset) {
        if (offset == 0) {
            if (ifds.isEmpty()) {
                throw new MalformedFileException(where() + ": the TIFF has no IFD (first IFD offset is 0)");
            }
            return CompletableFuture.completedFuture(null);
        }
        if (!visited.add(offset)) {
            throw new MalformedFileException(where() + ": cyclic IFD chain (IFD " + ifds.size()
                    + " points back to offset " + offset + ")");
        }
        if (ifds.size() >= MAX_IFDS) {
            throw new MalformedFileException(where() + ": more than " + MAX_IFDS + " IFDs in the chain");
        }
        if (offset < header.size() || offset + header.entryCountSize() > size) {
            throw new MalformedFileException(where() + ": IFD " + ifds.size() + " at offset " + offset
                    + " lies outside the file (size " + size + ")");
        }
        ByteRange countRange = ByteRange.of(offset, header.entryCountSize());
        return ensure(List.of(countRange), 4096).thenCompose(v -> {
            long n = header.bigTiff() ? slice(countRange).getLong() : slice(countRange).getShort() & 0xFFFF;
            if (n < 0 || n > MAX_ENTRIES) {
                throw new MalformedFileException(where() + ": IFD " + ifds.size() + " at offset " + offset + " claims "
                        + n + " entries (at most " + MAX_ENTRIES + " expected)");
            }
            long tableEnd = offset + header.entryCountSize() + n * header.entrySize() + header.offsetSize();
            if (tableEnd > size) {
                throw new MalformedFileException(where() + ": IFD " + ifds.size() + " at offset " + offset + " with "
                        + n + " entries runs past the end of the file (ends at " + tableEnd + ", size " + size + ")");
            }
            ByteRange table = ByteRange.of(offset, tableEnd - offset);
            headerEnd = Math.max(headerEnd, tableEnd);
            return ensure(List.of(table), 0).thenCompose(w -> readEntries(offset, (int) n, slice(table)));
        });
    }

    private CompletableFuture<Void> readEntries(long offset, int n, ByteBuffer table) {
        int index = ifds.size();
        String ifdWhere = where() + ", IFD " + index;
        table.position(header.entryCountSize());
        Map<Integer, long[]> pending = new HashMap<>(); // tag -> {type, count, valueOffset}
        Map<Integer, TagValue> values = new HashMap<>();
        List<ByteRange> needed = new ArrayList<>();
        int previousTag = -1;
        for (int i = 0; i < n; i++) {
            int tag = table.getShort() & 0xFFFF;
            FieldType type = FieldType.of(table.getShort() & 0xFFFF, ifdWhere + ", " + Tag.nameOf(tag));
            long count = header.bigTiff() ? table.getLong() : table.getInt() & 0xFFFFFFFFL;
            int valuePos = table.position();
            table.position(valuePos + header.offsetSize());
            if (tag <= previousTag) {
                // Out-of-order or repeated tags: TIFF requires ascending order, but readers tolerate it;
                // a repeated tag keeps its first value.
                if (values.containsKey(tag) || pending.containsKey(tag)) {
                    continue;
                }
            }
            previousTag = Math.max(previousTag, tag);
            long bytes = count * type.size();
            if (count < 0 || bytes > MAX_VALUE_BYTES || bytes > size) {
                throw new MalformedFileException(ifdWhere + ", " + Tag.nameOf(tag) + ": claims " + count + " values of "
                        + type + " (" + bytes + " bytes), more than the file holds (" + size + " bytes)");
            }
            if (bytes <= header.offsetSize()) {
                byte[] inline = new byte[(int) bytes];
                table.duplicate().position(valuePos).get(inline);
                values.put(tag, new TagValue(tag, type, (int) count, inline, header.order()));
            } else {
                ByteBuffer vb = table.duplicate().order(header.order()).position(valuePos);
                long valueOffset = header.bigTiff() ? vb.getLong() : vb.getInt() & 0xFFFFFFFFL;
                if (valueOffset < 0 || valueOffset + bytes > size) {
                    throw new MalformedFileException(ifdWhere + ", " + Tag.nameOf(tag) + ": values at offset "
                            + valueOffset + " (" + bytes + " bytes) lie past the end of the file (size " + size + ")");
                }
                pending.put(tag, new long[] {type.code(), count, valueOffset});
                needed.add(ByteRange.of(valueOffset, bytes));
                headerEnd = Math.max(headerEnd, valueOffset + bytes);
            }
        }
        long nextOffset = header.bigTiff() ? table.getLong() : table.getInt() & 0xFFFFFFFFL;
        return ensure(needed, 0).thenCompose(v -> {
            for (Map.Entry<Integer, long[]> e : pending.entrySet()) {
                long[] p = e.getValue();
                FieldType type = FieldType.of((int) p[0], ifdWhere);
                ByteBuffer src = slice(ByteRange.of(p[2], p[1] * type.size()));
                byte[] raw = new byte[src.remaining()];
                src.get(raw);
                values.put(e.getKey(), new TagValue(e.getKey(), type, (int) p[1], raw, header.order()));
            }
            ifds.add(new Ifd(index, offset, values, nextOffset));
            return next(nextOffset);
        });
    }

    /** Fetches, in one call, the ranges not already held; each grown by {@code slack} bytes (cut at EOF). */
    private CompletableFuture<Void> ensure(List<ByteRange> ranges, int slack) {
        List<ByteRange> missing = new ArrayList<>();
        for (ByteRange r : ranges) {
            if (!held(r)) {
                missing.add(ByteRange.of(r.offset(), Math.min(size - r.offset(), Math.max(r.length(), slack))));
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return source.read(missing).thenAccept(buffers -> {
            for (int i = 0; i < missing.size(); i++) {
                ByteBuffer b = buffers.get(i);
                if (b.remaining() < missing.get(i).length()) {
                    throw new MalformedFileException(where() + ": expected " + missing.get(i).length() + " bytes at "
                            + missing.get(i) + ", got " + b.remaining() + " (truncated file?)");
                }
                fetched.put(missing.get(i).offset(), b);
            }
        });
    }

    private boolean held(ByteRange r) {
        Map.Entry<Long, ByteBuffer> e = fetched.floorEntry(r.offset());
        return e != null && e.getKey() + e.getValue().remaining() >= r.end();
    }

    /** A view of held bytes, in the file's byte order. */
    private ByteBuffer slice(ByteRange r) {
        Map.Entry<Long, ByteBuffer> e = fetched.floorEntry(r.offset());
        if (e == null || e.getKey() + e.getValue().remaining() < r.end()) {
            throw new IllegalStateException("bytes not fetched: " + r);
        }
        ByteBuffer b = e.getValue().duplicate();
        int start = b.position() + (int) (r.offset() - e.getKey());
        b.position(start).limit(start + (int) r.length());
        return b.slice().order(header == null ? ByteOrder.LITTLE_ENDIAN : header.order());
    }
}
