package org.cogcube.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conditional request headers of RFC 9110, section 13, evaluated against one version's ETag and
 * modification time: ETag lists, HTTP dates, and the order in which the conditions apply.
 */
final class Validators {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** What the conditions say to do before looking at the range. */
    enum Outcome {
        /** Go on: send the representation (or the ranges asked). */
        PROCEED,
        /** 304 Not Modified: the client's copy is current. */
        NOT_MODIFIED,
        /** 412 Precondition Failed: the client wanted another version. */
        PRECONDITION_FAILED
    }

    private Validators() {
    }

    private record FormattedDate(long second, String text) {
    }

    /** The last date formatted: most requests are for the few files being read right now. */
    private static volatile FormattedDate lastDate = new FormattedDate(Long.MIN_VALUE, "");

    /** The HTTP date (IMF-fixdate) of a time in milliseconds, to the second. */
    static String httpDate(long millis) {
        long second = Math.floorDiv(millis, 1000);
        FormattedDate last = lastDate;
        if (last.second() == second) {
            return last.text();
        }
        String formatted = HTTP_DATE.format(Instant.ofEpochSecond(second));
        lastDate = new FormattedDate(second, formatted);
        return formatted;
    }

    /** The time of an HTTP date in milliseconds, or -1 if it is not one. */
    static long parseHttpDate(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return ZonedDateTime.parse(value.trim(), HTTP_DATE).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException again) {
                return -1;
            }
        }
    }

    /**
     * Evaluates If-Match, If-Unmodified-Since, If-None-Match and If-Modified-Since in the RFC's
     * order for a GET or HEAD of the version named {@code etag}, last modified at {@code millis}.
     */
    static Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince,
            String etag, long millis) {
        if (ifMatch != null) {
            if (!matches(ifMatch, etag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (ifUnmodifiedSince != null) {
            long since = parseHttpDate(ifUnmodifiedSince);
            if (since >= 0 && seconds(millis) > seconds(since)) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        if (ifModifiedSince != null) {
            long since = parseHttpDate(ifModifiedSince);
            if (since >= 0 && seconds(millis) <= seconds(since)) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether an {@code If-Range} value still names this version, so the ranges may be sent: a
     * strong ETag equal to ours, or a date equal to our Last-Modified (a weak ETag never does).
     */
    static boolean ifRangeHolds(String ifRange, String etag, long millis) {
        String v = ifRange.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag);
        }
        long date = parseHttpDate(v);
        return date >= 0 && seconds(date) == seconds(millis);
    }

    /**
     * Whether a list of entity tags (or {@code *}) holds {@code etag}: strong comparison for
     * If-Match, weak for If-None-Match (the {@code W/} prefix ignored).
     */
    static boolean matches(String list, String etag, boolean strong) {
        for (String tag : entityTags(list)) {
            if (tag.equals("*")) {
                return true;
            }
            boolean weak = tag.startsWith("W/");
            String opaque = weak ? tag.substring(2) : tag;
            if (opaque.equals(etag) && !(strong && weak)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tags of a comma-separated list, commas inside quotes respected. */
    static List<String> entityTags(String list) {
        List<String> tags = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(tags, current);
            } else {
                current.append(c);
            }
        }
        add(tags, current);
        return tags;
    }

    private static void add(List<String> tags, StringBuilder current) {
        String t = current.toString().trim();
        if (!t.isEmpty()) {
            tags.add(t);
        }
        current.setLength(0);
    }

    private static long seconds(long millis) {
        return Math.floorDiv(millis, 1000);
    }
}
