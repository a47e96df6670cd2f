package org.cogcube.io;

import java.util.Optional;

/**
 * A parsed {@code Content-Range} header: {@code bytes FIRST-LAST/TOTAL} (TOTAL may be {@code *}), or
 * {@code bytes STAR/TOTAL} on a 416 answer, written here with {@code first = -1}.
 *
 * @param first the first byte sent, or -1 when the header only gives the total
 * @param last the last byte sent (inclusive), or -1
 * @param total the size of the whole source, or -1 when the server did not say
 */
record ContentRange(long first, long last, long total) {
    private static final String UNIT = "bytes ";
    /** The most digits a number may have: 18 always fit in a long. */
    private static final int MAX_DIGITS = 18;

    /**
     * The header's value parsed, or empty when it is absent, malformed or inconsistent. Parsed by
     * hand rather than with regular expressions, as it is for every range answered.
     */
    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        int slash = value.indexOf('/');
        if (!value.startsWith(UNIT) || slash < 0) {
            return Optional.empty();
        }
        boolean unknownTotal = slash == value.length() - 2 && value.charAt(slash + 1) == '*';
        long total = unknownTotal ? -1 : number(value, slash + 1, value.length());
        if (!unknownTotal && total < 0) {
            return Optional.empty();
        }
        int from = UNIT.length();
        if (slash == from + 1 && value.charAt(from) == '*') { // bytes */TOTAL
            return total < 0 ? Optional.empty() : Optional.of(new ContentRange(-1, -1, total));
        }
        int dash = value.indexOf('-', from);
        if (dash < 0 || dash > slash) {
            return Optional.empty();
        }
        long first = number(value, from, dash);
        long last = number(value, dash + 1, slash);
        if (first < 0 || last < first || (total >= 0 && last >= total)) {
            return Optional.empty();
        }
        return Optional.of(new ContentRange(first, last, total));
    }

    /** The number written in {@code s} from {@code from} to {@code to}: 1 to 18 ASCII digits; else -1. */
    private static long number(String s, int from, int to) {
        if (to <= from || to - from > MAX_DIGITS) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
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
