package org.cogcube.tiff;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cogcube.MalformedFileException;

/**
 * One image file directory: its position in the chain, where it lies, its entries (tag code to
 * values) and where the next one is (0 for none).
 */
public record Ifd(int index, long offset, Map<Integer, TagValue> entries, long nextOffset) {

    public Ifd {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public Optional<TagValue> get(Tag tag) {
        return Optional.ofNullable(entries.get(tag.code()));
    }

    public boolean has(Tag tag) {
        return entries.containsKey(tag.code());
    }

    /** The entry of a tag that must be present; its absence is a malformed file, named with {@code where}. */
    public TagValue require(Tag tag, String where) {
        TagValue v = entries.get(tag.code());
        if (v == null) {
            throw new MalformedFileException(where + ", IFD " + index + ": missing required tag " + tag.specName()
                    + " (" + tag.code() + ")");
        }
        return v;
    }

    /** The first value of a tag as an integer, or a default when the tag is absent. */
    public long longOr(Tag tag, long defaultValue) {
        TagValue v = entries.get(tag.code());
        return v == null || v.count() == 0 ? defaultValue : v.firstLong();
    }
}
