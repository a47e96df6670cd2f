package org.cogcube.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code Range} header asks of a file of known size (RFC 9110, section 14): the whole
 * file, some spans, or nothing satisfiable.
 *
 * <p>A header in another unit than {@code bytes}, or with a syntax error anywhere, is ignored
 * (the whole file is sent), as the RFC allows. Ranges starting at or past the end are dropped; if
 * none is left the request is {@link Unsatisfiable} (416). As a guard against requests that make
 * the server do much work for little (the RFC names them), more than {@value #MAX_SPANS} ranges,
 * or ranges whose lengths add up to more than the file (they overlap), are refused as
 * {@link Unsatisfiable} too.
 */
sealed interface RangeRequest {

    /** The most ranges one request may ask for. GDAL asks for a few at a time. */
    int MAX_SPANS = 100;

    /** No range asked for, or a header to ignore: send the whole file with 200. */
    record Whole() implements RangeRequest {
    }

    /** Send these spans with 206, in the order asked: one as is, several as multipart/byteranges. */
    record Partial(List<Span> spans) implements RangeRequest {
        public Partial {
            spans = List.copyOf(spans);
        }
    }

    /** Nothing satisfiable, or refused: answer 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable(String reason) implements RangeRequest {
    }

    RangeRequest WHOLE = new Whole();

    /** Reads {@code header} (null when absent) against a file of {@code size} bytes. */
    static RangeRequest parse(String header, long size) {
        if (header == null) {
            return WHOLE;
        }
        int eq = header.indexOf('=');
        if (eq < 0 || !header.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return WHOLE;
        }
        String[] elements = header.substring(eq + 1).split(",", -1);
        if (elements.length > MAX_SPANS) {
            return new Unsatisfiable("more than " + MAX_SPANS + " ranges");
        }
        List<Span> spans = new ArrayList<>();
        long total = 0;
        boolean any = false;
        for (String raw : elements) {
            String e = raw.trim();
            if (e.isEmpty()) {
                continue; // empty list elements are allowed
            }
            any = true;
            int dash = e.indexOf('-');
            if (dash < 0) {
                return WHOLE;
            }
            long first = number(e.substring(0, dash));
            long last = number(e.substring(dash + 1));
            Span span;
            if (dash == 0) { // suffix: the last N bytes
                if (last < 0) {
                    return WHOLE;
                }
                if (last == 0 || size == 0) {
                    continue;
                }
                span = new Span(Math.max(0, size - last), size - 1);
            } else {
                if (first < 0 || (dash < e.length() - 1 && (last < 0 || last < first))) {
                    return WHOLE;
                }
                if (first >= size) {
                    continue;
                }
                long end = dash == e.length() - 1 ? size - 1 : Math.min(last, size - 1);
                span = new Span(first, end);
            }
            total += span.length();
            spans.add(span);
        }
        if (!any) {
            return WHOLE;
        }
        if (spans.isEmpty()) {
            return new Unsatisfiable("no range starts before the end (" + size + " bytes)");
        }
        if (total > size && spans.size() > 1) {
            return new Unsatisfiable("overlapping ranges add up to more than the file");
        }
        return new Partial(spans);
    }

    /** A non-negative decimal of at most 18 digits, or -1 (also for the empty string). */
    private static long number(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 18) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(t);
    }
}
