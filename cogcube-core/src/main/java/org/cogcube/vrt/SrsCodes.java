package org.cogcube.vrt;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;

/**
 * The EPSG code of a VRT's {@code SRS}: {@code EPSG:n} (or an OGC URN or URL naming one), WKT 1
 * or 2 whose outermost CRS carries {@code AUTHORITY["EPSG","n"]} or {@code ID["EPSG",n]}, or
 * PROJJSON whose top-level object has {@code "id": {"authority": "EPSG", "code": n}}. Codes of
 * inner elements (the base geographic CRS, the datum, units) are never taken for the CRS's own.
 */
final class SrsCodes {
    private static final Pattern EPSG_TEXT = Pattern.compile("(?i)epsg:(\\d+)");
    private static final Pattern EPSG_URN = Pattern.compile("(?i)urn:ogc:def:crs:epsg:[^:]*:(\\d+)");
    private static final Pattern EPSG_URL = Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/epsg/[^/]+/(\\d+)");
    private static final Pattern WKT_AUTHORITY = Pattern.compile(
            "(?i)\\s*\"\\s*EPSG\\s*\"\\s*,\\s*\"?\\s*(\\d+)\\s*\"?\\s*[,\\])]");
    private static final Pattern JSON_AUTHORITY = Pattern.compile("\"authority\"\\s*:\\s*\"EPSG\"");
    private static final Pattern JSON_CODE = Pattern.compile("\"code\"\\s*:\\s*\"?(\\d+)\"?");

    private SrsCodes() {
    }

    /**
     * The CRS the text names; {@link Crs#UNKNOWN} for blank text.
     *
     * @param where the VRT, for messages
     */
    static Crs parse(String text, String where) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Crs.UNKNOWN;
        }
        OptionalInt code = firstMatch(t, EPSG_TEXT, EPSG_URN, EPSG_URL);
        if (code.isEmpty()) {
            code = t.startsWith("{") ? fromProjJson(t) : fromWkt(t);
        }
        if (code.isEmpty() || code.getAsInt() == 0) {
            String shown = t.length() > 120 ? t.substring(0, 120) + "..." : t;
            throw new UnsupportedFeatureException(where + ": the SRS has no EPSG code for its CRS (expected EPSG:n,"
                    + " or WKT or PROJJSON whose outermost CRS has an EPSG identifier), found: " + shown);
        }
        return Crs.epsg(code.getAsInt());
    }

    private static OptionalInt firstMatch(String t, Pattern... whole) {
        for (Pattern p : whole) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                return parseCode(m.group(1));
            }
        }
        return OptionalInt.empty();
    }

    /** The code of an {@code AUTHORITY[...]} or {@code ID[...]} directly inside the outermost WKT keyword. */
    static OptionalInt fromWkt(String t) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        i++; // a doubled quote stands for one quote inside the string
                    } else {
                        inString = false;
                    }
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '[', '(' -> {
                    depth++;
                    if (depth == 2) {
                        String keyword = keywordBefore(t, i);
                        if (keyword.equals("AUTHORITY") || keyword.equals("ID")) {
                            Matcher m = WKT_AUTHORITY.matcher(t).region(i + 1, t.length());
                            if (m.lookingAt()) {
                                return parseCode(m.group(1));
                            }
                        }
                    }
                }
                case ']', ')' -> depth--;
                default -> {
                }
            }
        }
        return OptionalInt.empty();
    }

    private static String keywordBefore(String t, int bracket) {
        int end = bracket;
        while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(t.charAt(start - 1)) || t.charAt(start - 1) == '_')) {
            start--;
        }
        return t.substring(start, end).toUpperCase(Locale.ROOT);
    }

    /** The code of the top-level object's {@code "id"} (or first of {@code "ids"}) in PROJJSON. */
    static OptionalInt fromProjJson(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                int close = endOfString(t, i);
                String key = t.substring(i + 1, close);
                i = close;
                if (depth == 1 && (key.equals("id") || key.equals("ids"))) {
                    int colon = skipSpace(t, close + 1);
                    if (colon < t.length() && t.charAt(colon) == ':') {
                        int valueStart = skipSpace(t, colon + 1);
                        String value = t.substring(valueStart, endOfValue(t, valueStart));
                        if (JSON_AUTHORITY.matcher(value).find()) {
                            Matcher m = JSON_CODE.matcher(value);
                            if (m.find()) {
                                return parseCode(m.group(1));
                            }
                        }
                    }
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return OptionalInt.empty();
    }

    private static int endOfString(String t, int open) {
        for (int j = open + 1; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j;
            }
        }
        return t.length() - 1;
    }

    private static int skipSpace(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One past the end of the JSON object or array starting at {@code start} (to the end when unbalanced). */
    private static int endOfValue(String t, int start) {
        int depth = 0;
        for (int j = start; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '"') {
                j = endOfString(t, j);
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return j + 1;
                }
            }
        }
        return t.length();
    }

    private static OptionalInt parseCode(String digits) {
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException tooLong) {
            return OptionalInt.empty();
        }
    }
}
