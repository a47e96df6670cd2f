package org.cogcube.io.http2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The HPACK index space (RFC 7541, section 2.3): the 61 entries of the static table, then the
 * dynamic table, newest first. The dynamic table evicts its oldest entries to stay within its
 * maximum size.
 */
final class HeaderTable {
    /** RFC 7541, Appendix A; index 1 is element 0. */
    static final List<HeaderField> STATIC = List.of(
            new HeaderField(":authority", ""),
            new HeaderField(":method", "GET"),
            new HeaderField(":method", "POST"),
            new HeaderField(":path", "/"),
            new HeaderField(":path", "/index.html"),
            new HeaderField(":scheme", "http"),
            new HeaderField(":scheme", "https"),
            new HeaderField(":status", "200"),
            new HeaderField(":status", "204"),
            new HeaderField(":status", "206"),
            new HeaderField(":status", "304"),
            new HeaderField(":status", "400"),
            new HeaderField(":status", "404"),
            new HeaderField(":status", "500"),
            new HeaderField("accept-charset", ""),
            new HeaderField("accept-encoding", "gzip, deflate"),
            new HeaderField("accept-language", ""),
            new HeaderField("accept-ranges", ""),
            new HeaderField("accept", ""),
            new HeaderField("access-control-allow-origin", ""),
            new HeaderField("age", ""),
            new HeaderField("allow", ""),
            new HeaderField("authorization", ""),
            new HeaderField("cache-control", ""),
            new HeaderField("content-disposition", ""),
            new HeaderField("content-encoding", ""),
            new HeaderField("content-language", ""),
            new HeaderField("content-length", ""),
            new HeaderField("content-location", ""),
            new HeaderField("content-range", ""),
            new HeaderField("content-type", ""),
            new HeaderField("cookie", ""),
            new HeaderField("date", ""),
            new HeaderField("etag", ""),
            new HeaderField("expect", ""),
            new HeaderField("expires", ""),
            new HeaderField("from", ""),
            new HeaderField("host", ""),
            new HeaderField("if-match", ""),
            new HeaderField("if-modified-since", ""),
            new HeaderField("if-none-match", ""),
            new HeaderField("if-range", ""),
            new HeaderField("if-unmodified-since", ""),
            new HeaderField("last-modified", ""),
            new HeaderField("link", ""),
            new HeaderField("location", ""),
            new HeaderField("max-forwards", ""),
            new HeaderField("proxy-authenticate", ""),
            new HeaderField("proxy-authorization", ""),
            new HeaderField("range", ""),
            new HeaderField("referer", ""),
            new HeaderField("refresh", ""),
            new HeaderField("retry-after", ""),
            new HeaderField("server", ""),
            new HeaderField("set-cookie", ""),
            new HeaderField("strict-transport-security", ""),
            new HeaderField("transfer-encoding", ""),
            new HeaderField("user-agent", ""),
            new HeaderField("vary", ""),
            new HeaderField("via", ""),
            new HeaderField("www-authenticate", ""));

    private final ArrayDeque<HeaderField> dynamic = new ArrayDeque<>();
    private int size;
    private int maxSize;

    HeaderTable(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The entry at {@code index} (1-based, static entries first). */
    HeaderField get(int index) {
        if (index >= 1 && index <= STATIC.size()) {
            return STATIC.get(index - 1);
        }
        int at = index - STATIC.size() - 1;
        if (index < 1 || at >= dynamic.size()) {
            throw new HpackException("expected an index in 1.." + (STATIC.size() + dynamic.size())
                    + " (static and dynamic table), found " + index);
        }
        var it = dynamic.iterator();
        for (int i = 0; i < at; i++) {
            it.next();
        }
        return it.next();
    }

    /** Adds {@code field} as the newest entry, evicting old ones; a field larger than the table empties it. */
    void add(HeaderField field) {
        evictTo(maxSize - field.size());
        if (field.size() <= maxSize) {
            dynamic.addFirst(field);
            size += field.size();
        }
    }

    /** Changes the maximum size, evicting entries that no longer fit. */
    void resize(int newMaxSize) {
        maxSize = newMaxSize;
        evictTo(newMaxSize);
    }

    private void evictTo(int target) {
        while (!dynamic.isEmpty() && size > target) {
            size -= dynamic.removeLast().size();
        }
    }

    /** The size of the dynamic table, as HPACK counts it. */
    int size() {
        return size;
    }

    int maxSize() {
        return maxSize;
    }

    /** The dynamic table's entries, newest first. */
    List<HeaderField> dynamicEntries() {
        return new ArrayList<>(dynamic);
    }

    /** The index of the first static entry named {@code name}, or 0. */
    static int staticIndexOfName(String name) {
        for (int i = 0; i < STATIC.size(); i++) {
            if (STATIC.get(i).name().equals(name)) {
                return i + 1;
            }
        }
        return 0;
    }
}
