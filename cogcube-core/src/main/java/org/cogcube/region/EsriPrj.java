package org.cogcube.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;

/**
 * The EPSG code of a shapefile's {@code .prj}: WKT 1 in ESRI's dialect, as GDAL and ArcGIS write it
 * ({@code PROJCS["WGS_1984_UTM_Zone_30N", GEOGCS["GCS_WGS_1984", ...], ...]}), or in OGC's with an
 * {@code AUTHORITY["EPSG", "code"]} at its root. Without an authority the CRS is known by its name,
 * for the common cases only: WGS 84 (also 3D, EPSG:4979, as EPSG:4326 since heights are dropped), its UTM zones and Web Mercator, ETRS89 and NAD83 with their UTM
 * zones, and Ghana's national grids; any other is refused, saying to give the CRS with
 * {@code --roi-crs} after removing the {@code .prj}.
 */
final class EsriPrj {

    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("GCS_WGS_1984", 4326), Map.entry("WGS 84", 4326), Map.entry("WGS84", 4326),
            Map.entry("WGS_1984_3D", 4326), // EPSG:4979, heights are dropped
            Map.entry("GCS_ETRS_1989", 4258), Map.entry("ETRS89", 4258),
            Map.entry("GCS_NORTH_AMERICAN_1983", 4269), Map.entry("NAD83", 4269),
            Map.entry("GCS_ACCRA", 4168), Map.entry("ACCRA", 4168), Map.entry("GCS_LEIGON", 4250),
            Map.entry("LEIGON", 4250),
            Map.entry("WGS_1984_WEB_MERCATOR_AUXILIARY_SPHERE", 3857), Map.entry("WGS 84 / PSEUDO-MERCATOR", 3857),
            Map.entry("ACCRA_GHANA_GRID", 2136), Map.entry("ACCRA / GHANA NATIONAL GRID", 2136),
            Map.entry("GHANA_METRE_GRID", 25000), Map.entry("LEIGON / GHANA METRE GRID", 25000));

    /** A UTM zone's name in ESRI's words or OGC's, with the datum, zone and hemisphere. */
    private static final Pattern UTM = Pattern.compile(
            "(WGS_1984|WGS 84|ETRS_1989|ETRS89|NAD_1983|NAD83)(?:_UTM_ZONE_| / UTM ZONE )([0-9]{1,2})([NS])");

    private EsriPrj() {
    }

    /** The CRS a {@code .prj} names; {@code where} names the file in errors. */
    static Crs crs(String prj, String where) {
        Node root = new Parser(prj, where).node();
        Optional<Crs> crs = authority(root).or(() -> byName(root.name().toUpperCase(Locale.ROOT)));
        return crs.orElseThrow(() -> new UnsupportedFeatureException(where + ": the CRS " + root.keyword + "[\""
                + root.name() + "\"] has no EPSG authority and is not one cogcube knows by name (WGS 84, its UTM"
                + " zones and Web Mercator, ETRS89, NAD83, Ghana's grids); remove the .prj and give the CRS with"
                + " --roi-crs EPSG:code"));
    }

    private static Optional<Crs> authority(Node root) {
        for (Object child : root.children) {
            if (child instanceof Node n && n.keyword.equals("AUTHORITY") && n.children.size() == 2
                    && "EPSG".equalsIgnoreCase(String.valueOf(n.children.get(0)))) {
                try {
                    return Optional.of(Crs.epsg(Integer.parseInt(String.valueOf(n.children.get(1)).strip())));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Crs> byName(String name) {
        Integer code = NAMES.get(name);
        if (code != null) {
            return Optional.of(Crs.epsg(code));
        }
        Matcher m = UTM.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int zone = Integer.parseInt(m.group(2));
        boolean north = m.group(3).equals("N");
        String datum = m.group(1);
        if (datum.startsWith("WGS") && zone >= 1 && zone <= 60) {
            return Optional.of(Crs.epsg((north ? 32600 : 32700) + zone));
        }
        if (datum.startsWith("ETRS") && north && zone >= 28 && zone <= 38) {
            return Optional.of(Crs.epsg(25800 + zone));
        }
        if (datum.startsWith("NAD") && north && zone >= 1 && zone <= 23) {
            return Optional.of(Crs.epsg(26900 + zone));
        }
        return Optional.empty();
    }

    /** A WKT node: its keyword and children (quoted text as String, numbers and enums as their text, nodes). */
    private record Node(String keyword, List<Object> children) {
        String name() {
            return children.isEmpty() ? "" : String.valueOf(children.get(0));
        }
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 32;
        private final String text;
        private final String where;
        private int at;

        Parser(String text, String where) {
            this.text = text;
            this.where = where;
        }

        Node node() {
            Node root = node(0);
            skipSpace();
            if (at != text.length()) {
                throw error("the end of the WKT");
            }
            if (!root.keyword.equals("PROJCS") && !root.keyword.equals("GEOGCS")) {
                throw new UnsupportedFeatureException(where + ": a " + root.keyword + " CRS, expected PROJCS or GEOGCS");
            }
            return root;
        }

        private Node node(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("at most " + MAX_DEPTH + " nested WKT nodes");
            }
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw error("a WKT keyword");
            }
            String keyword = text.substring(start, at).toUpperCase(Locale.ROOT);
            skipSpace();
            if (at >= text.length() || (text.charAt(at) != '[' && text.charAt(at) != '(')) {
                throw error("'[' after " + keyword);
            }
            at++;
            List<Object> children = new ArrayList<>();
            while (true) {
                skipSpace();
                if (at >= text.length()) {
                    throw error("']' closing " + keyword);
                }
                char c = text.charAt(at);
                if (c == '"') {
                    int close = text.indexOf('"', at + 1);
                    if (close < 0) {
                        throw error("a closing quote");
                    }
                    children.add(text.substring(at + 1, close));
                    at = close + 1;
                } else if (Character.isLetter(c)) {
                    int mark = at;
                    Node child = tryNode(depth);
                    children.add(child != null ? child : word(mark));
                } else {
                    children.add(word(at));
                }
                skipSpace();
                if (at < text.length() && (text.charAt(at) == ']' || text.charAt(at) == ')')) {
                    at++;
                    return new Node(keyword, children);
                }
                if (at >= text.length() || text.charAt(at) != ',') {
                    throw error("',' or ']' in " + keyword);
                }
                at++;
            }
        }

        private Node tryNode(int depth) {
            int mark = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            skipSpace();
            boolean open = at < text.length() && (text.charAt(at) == '[' || text.charAt(at) == '(');
            at = mark;
            return open ? node(depth + 1) : null;
        }

        private String word(int start) {
            at = start;
            while (at < text.length() && ",])".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at).strip();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private MalformedFileException error(String expected) {
            String found = at >= text.length() ? "the end" : "'" + text.substring(at, Math.min(text.length(), at + 20))
                    + "'";
            return new MalformedFileException(where + ": expected " + expected + " at character " + at + ", found "
                    + found);
        }
    }
}
