package org.cogcube.io;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Content-Range} header: {@code bytes FIRST-LAST/TOTAL} (TOTAL may be {@code *}), or
 * {@code bytes STAR/TOTAL} on a 416 answer, written here with {@code first = -1}.
 *
 * @param first the first byte sent, or -1 when the header only gives the total
 * @param last the last byte sent (inclusive), or -1
 * @param total the size of the whole source, or -1 when the server did not say
 */
record ContentRange(long first, long last, long total) {
    private static final Pattern SATISFIED = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d{1,18})");

    /** The header's value parsed, or empty when it is absent, malformed or inconsistent. */
    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        Matcher m = SATISFIED.matcher(value);
        if (m.matches()) {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            if (last < first || (total >= 0 && last >= total)) {
                return Optional.empty();
            }
            return Optional.of(new ContentRange(first, last, total));
        }
        m = UNSATISFIED.matcher(value);
        if (m.matches()) {
            return Optional.of(new ContentRange(-1, -1, Long.parseLong(m.group(1))));
        }
        return Optional.empty();
    }

    /** The number of bytes the header announces. */
    long length() {
        return first < 0 ? 0 : last - first + 1;
    }

    /** What a server should answer for {@code asked} from a source of {@code total} bytes (or -1). */
    static String expected(ByteRange asked, long total) {
        long last = (total >= 0 ? Math.min(asked.end(), total) : asked.end()) - 1;
        return "bytes " + asked.offset() + "-" + last + "/" + (total >= 0 ? Long.toString(total) : "*");
    }
}
