package org.cogcube.subset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.cogcube.geo.Crs;
import org.cogcube.region.Feature;
import org.cogcube.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * What a client asks the endpoint to cut: files, the region, all-touched. As a query string:
 * <pre>
 * file=2018-01-02/B04.tif&amp;file=2018-01-02/CLD.tif&amp;region=eJxj...&amp;crs=4326&amp;touched=0
 * </pre>
 * {@code file} once per file, in order (a path under the served root as in its URL, without the
 * leading slash); {@code region}: the region's polygons as one MultiPolygon in WKB, deflated, in
 * base64url without padding; {@code crs}: the region's EPSG code (0 for none); {@code touched}:
 * {@code 1} for all-touched, else {@code 0}. Values are percent-encoded; every parameter is
 * required, none may repeat except {@code file}, no other is allowed.
 *
 * @param files the files, at most {@value #MAX_FILES}
 * @param region the region, in its CRS
 * @param allTouched whether every pixel the region touches is kept
 */
public record CutRequest(List<String> files, Region region, boolean allTouched) {

    /** The endpoint's path under the served root. */
    public static final String PATH = "/_cogcube/cut";
    /** The link relation that advertises the endpoint. */
    public static final String REL = "cogcube-cut";
    /** The most files one request names. */
    public static final int MAX_FILES = 512;
    /**
     * The longest query string a client sends ({@link #batches}): with the request line's other
     * parts and the usual headers it stays under a server's default 8 KiB of request headers.
     */
    public static final int MAX_QUERY = 6144;
    /** The largest region accepted, in bytes of WKB. */
    static final int MAX_REGION_BYTES = 1 << 20;

    public CutRequest {
        files = List.copyOf(files);
        Objects.requireNonNull(region, "region");
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new IllegalArgumentException("expected 1 to " + MAX_FILES + " files, found " + files.size());
        }
    }

    /** The query string, canonical: the same request always gives the same text. */
    public String toQuery() {
        StringBuilder sb = new StringBuilder();
        for (String file : files) {
            sb.append("file=").append(encode(file)).append('&');
        }
        return appendWhere(sb, region, allTouched).toString();
    }

    /** Appends {@code region=...&crs=...&touched=...}, the parameters every cut request ends with. */
    static StringBuilder appendWhere(StringBuilder sb, Region region, boolean allTouched) {
        byte[] wkb = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.BIG_ENDIAN).write(region.geometry());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(wkb);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        sb.append("region=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray()));
        sb.append("&crs=").append(region.crs().epsg());
        sb.append("&touched=").append(allTouched ? 1 : 0);
        return sb;
    }

    /**
     * Splits {@code files}, in order, into the fewest requests that each name at most
     * {@value #MAX_FILES} files and whose query strings (with this region) are at most
     * {@value #MAX_QUERY} characters; a file too long to fit with the region goes alone.
     *
     * @return the number of files of each request, in order; their sum is {@code files.size()}
     */
    public static List<Integer> batches(List<String> files, Region region, boolean allTouched) {
        int fixed = new CutRequest(List.of("x"), region, allTouched).toQuery().length() - "file=x&".length();
        List<Integer> sizes = new ArrayList<>();
        int count = 0;
        int length = fixed;
        for (String file : files) {
            int more = "file=".length() + encode(file).length() + 1;
            if (count > 0 && (count == MAX_FILES || length + more > MAX_QUERY)) {
                sizes.add(count);
                count = 0;
                length = fixed;
            }
            count++;
            length += more;
        }
        if (count > 0) {
            sizes.add(count);
        }
        return sizes;
    }

    /** Reads a query string (as sent, still percent-encoded). */
    public static CutRequest parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new BadParameterException("file", "missing (expected file=PATH&...&region=...&crs=...&touched=0|1)");
        }
        List<String> files = new ArrayList<>();
        Map<String, String> single = pairs(rawQuery, "file", value -> files.add(file(value)),
                Set.of("region", "crs", "touched"), "file, region, crs, touched");
        if (files.isEmpty()) {
            throw new BadParameterException("file", "missing");
        }
        if (files.size() > MAX_FILES) {
            throw new BadParameterException("file", "given " + files.size() + " times, at most " + MAX_FILES);
        }
        if (new HashSet<>(files).size() != files.size()) {
            throw new BadParameterException("file", "names a file twice");
        }
        boolean touched = allTouched(single);
        return new CutRequest(files, region(single), touched);
    }

    /**
     * Reads the {@code NAME=VALUE} pairs of a query string (as sent, still percent-encoded): each
     * value of the parameter {@code repeated} goes to {@code each}, in order; the parameters named in
     * {@code single}, at most once each, are returned by name. Any other name is refused, saying
     * the parameters {@code expected}.
     */
    static Map<String, String> pairs(String rawQuery, String repeated, java.util.function.Consumer<String> each,
            Set<String> single, String expected) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            if (eq < 0) {
                throw new BadParameterException(shown.isEmpty() ? "(empty)" : shown, "expected NAME=VALUE");
            }
            String value = decode(name, pair.substring(eq + 1));
            if (name.equals(repeated)) {
                each.accept(value);
            } else if (single.contains(name)) {
                if (values.put(name, value) != null) {
                    throw new BadParameterException(name, "given more than once");
                }
            } else {
                throw new BadParameterException(shown.replaceAll("[^\\x21-\\x7e]", "?"),
                        "unknown (expected " + expected + ")");
            }
        }
        return values;
    }

    /** The region of the parameters {@code region} and {@code crs}, both required. */
    static Region region(Map<String, String> single) {
        Crs crs = crs(required(single, "crs"));
        Geometry geometry = region(required(single, "region"));
        return new Region(List.of(new Feature(Optional.empty(), Map.of(), geometry)), crs);
    }

    /** The parameter {@code touched}, required: 0 or 1. */
    static boolean allTouched(Map<String, String> single) {
        String touched = required(single, "touched");
        if (!touched.equals("0") && !touched.equals("1")) {
            throw new BadParameterException("touched", "expected 0 or 1");
        }
        return touched.equals("1");
    }

    static String required(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v == null) {
            throw new BadParameterException(name, "missing");
        }
        return v;
    }

    private static String file(String value) {
        return path("file", value);
    }

    /** A path under the served root, as in its URL, without the leading slash. */
    static String path(String name, String value) {
        if (value.isEmpty() || value.startsWith("/") || value.length() > 1024) {
            throw new BadParameterException(name, "expected a path under the root, without a leading slash, of"
                    + " 1 to 1024 characters");
        }
        return value;
    }

    private static Crs crs(String value) {
        if (!value.matches("\\d{1,6}")) {
            throw new BadParameterException("crs", "expected an EPSG code (0 to 999999)");
        }
        return Crs.epsg(Integer.parseInt(value));
    }

    private static Geometry region(String value) {
        byte[] deflated;
        try {
            deflated = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("region", "expected base64url, found a character or length it cannot"
                    + " have");
        }
        byte[] wkb = inflate(deflated);
        Geometry geometry;
        try {
            geometry = new WKBReader().read(wkb);
        } catch (ParseException | RuntimeException e) {
            throw new BadParameterException("region", "expected a deflated WKB Polygon or MultiPolygon, found"
                    + " bytes that are not WKB");
        }
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon) || geometry.isEmpty()) {
            throw new BadParameterException("region", "expected a non-empty Polygon or MultiPolygon, found "
                    + (geometry.isEmpty() ? "an empty " : "a ") + geometry.getGeometryType());
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new BadParameterException("region", "expected finite coordinates, found " + c.x + ", " + c.y);
            }
        }
        return geometry;
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new BadParameterException("region", "expected a complete zlib stream, found a truncated"
                            + " one");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_REGION_BYTES) {
                    throw new BadParameterException("region", "expected at most " + MAX_REGION_BYTES
                            + " bytes of WKB, found more");
                }
            }
        } catch (DataFormatException e) {
            throw new BadParameterException("region", "expected a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    /** Percent-encodes a value: every byte but unreserved characters and {@code /}. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** Percent-decodes a value once, strictly (UTF-8, no control characters). */
    static String decode(String name, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new BadParameterException(name, "bad percent escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                throw new BadParameterException(name, "expected a percent-encoded value, found a raw space, control"
                        + " or non-ASCII character");
            } else {
                bytes.write(c);
            }
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
            if (s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw new BadParameterException(name, "expected no control characters once decoded");
            }
            return s;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadParameterException(name, "expected UTF-8 once decoded");
        }
    }
}
