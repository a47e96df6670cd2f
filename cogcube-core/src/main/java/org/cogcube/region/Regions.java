package org.cogcube.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cogcube.InvalidRegionException;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.json.simple.JSONValue;
import org.json.simple.parser.ContainerFactory;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads regions from GeoJSON (a geometry, a Feature or a FeatureCollection), from WKT and from ESRI
 * shapefiles (polygons: {@code .shp}, {@code .dbf}, {@code .prj}, {@code .cpg}, or a {@code .zip}). Every
 * geometry must be a valid Polygon or MultiPolygon. CRSs are carried, not transformed: a GeoJSON
 * {@code crs} member naming an EPSG code ({@code EPSG:32632}, {@code urn:ogc:def:crs:EPSG::32632})
 * gives the region's CRS; without one, GeoJSON is in EPSG:4326 (longitude, latitude), as RFC 7946
 * and GDAL have it.
 */
public final class Regions {

    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    private Regions() {
    }

    /** Reads a GeoJSON file. */
    public static Region readGeoJson(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region file " + file, e);
        }
        return parseGeoJson(text, file.toString());
    }

    /** Parses GeoJSON text; {@code where} names it in error messages (a file name, "request body"). */
    public static Region parseGeoJson(String json, String where) {
        Object root;
        try {
            root = new JSONParser().parse(json, ORDERED);
        } catch (ParseException e) {
            throw new MalformedFileException(where + ": not JSON at character " + e.getPosition() + ": " + e);
        }
        Map<String, Object> object = object(root, where, "the document");
        Crs crs = crs(object.get("crs"), where);
        Object type = object.get("type");
        List<Feature> features = new ArrayList<>();
        if ("FeatureCollection".equals(type)) {
            Object list = object.get("features");
            if (!(list instanceof List<?> items)) {
                throw new MalformedFileException(where + ": a FeatureCollection without a 'features' array");
            }
            for (int i = 0; i < items.size(); i++) {
                features.add(feature(object(items.get(i), where, "feature " + i), where + ", feature " + i));
            }
            if (features.isEmpty()) {
                throw new InvalidRegionException(where + ": the FeatureCollection has no features,"
                        + " expected at least one polygon");
            }
        } else if ("Feature".equals(type)) {
            features.add(feature(object, where));
        } else if (type instanceof String name && GEOMETRY_TYPES.contains(name)) {
            features.add(new Feature(Optional.empty(), Map.of(), geometry(object, where)));
        } else {
            throw new MalformedFileException(where + ": GeoJSON type " + (type == null ? "missing" : "'" + type + "'")
                    + ", expected FeatureCollection, Feature, Polygon or MultiPolygon");
        }
        return new Region(features, crs);
    }

    /**
     * Reads an ESRI shapefile of polygons: a {@code .shp} with its {@code .dbf}, {@code .prj} and
     * {@code .cpg} beside it, or a {@code .zip} holding one. Each record is a feature whose id is its
     * position from 0 (GDAL's FID) and whose properties are its {@code .dbf} row; the {@code .prj}
     * gives the CRS, and without one the coordinates are in {@code withoutPrj}.
     */
    public static Region readShapefile(Path file, Crs withoutPrj) {
        return Shapefiles.region(ShapefileParts.read(file), withoutPrj);
    }

    /** Reads an ESRI shapefile of polygons; without a {@code .prj}, in EPSG:4326 (longitude, latitude). */
    public static Region readShapefile(Path file) {
        return readShapefile(file, Crs.epsg(4326));
    }

    /** Whether a file is a shapefile ({@code .shp}) or a zip that may hold one, by its name. */
    public static boolean isShapefile(Path file) {
        return ShapefileParts.isShapefile(file);
    }

    /** Parses a WKT Polygon or MultiPolygon whose coordinates are in {@code crs}. */
    public static Region parseWkt(String wkt, Crs crs) {
        Geometry geometry;
        try {
            geometry = new WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new MalformedFileException("WKT region: " + e.getMessage());
        }
        Polygonal.check(geometry, "WKT region");
        return new Region(List.of(new Feature(Optional.empty(), Map.of(), geometry)), crs);
    }

    private static Feature feature(Map<String, Object> feature, String where) {
        Object idValue = feature.get("id");
        Optional<String> id = idValue == null ? Optional.empty() : Optional.of(idValue.toString());
        String named = id.map(i -> where + " (id " + i + ")").orElse(where);
        Object geometry = feature.get("geometry");
        if (geometry == null) {
            throw new InvalidRegionException(named + ": a feature without a geometry, expected a Polygon"
                    + " or MultiPolygon");
        }
        Object properties = feature.get("properties");
        Map<String, Object> props = properties == null ? Map.of() : object(properties, named, "properties");
        return new Feature(id, readOnly(props), geometry(object(geometry, named, "geometry"), named));
    }

    private static Geometry geometry(Map<String, Object> geometry, String where) {
        Map<String, Object> plain = new LinkedHashMap<>(geometry);
        plain.remove("crs"); // read above; JTS knows only "EPSG:code"
        Geometry g;
        try {
            g = new GeoJsonReader().read(JSONValue.toJSONString(plain));
        } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
            throw new MalformedFileException(where + ": not a GeoJSON geometry: " + e.getMessage(), e);
        }
        return Polygonal.check(g, where);
    }

    private static Crs crs(Object crs, String where) {
        if (crs == null) {
            return Crs.epsg(4326);
        }
        Map<String, Object> member = object(crs, where, "crs");
        Object properties = member.get("properties");
        Object name = properties instanceof Map<?, ?> p ? p.get("name") : null;
        if (!"name".equals(member.get("type")) || !(name instanceof String text)) {
            throw new UnsupportedFeatureException(where + ": crs " + JSONValue.toJSONString(crs)
                    + " is not a named CRS, expected {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:code\"}}");
        }
        if (text.equals("urn:ogc:def:crs:OGC:1.3:CRS84") || text.equals("OGC:CRS84")) {
            return Crs.epsg(4326);
        }
        int colon = text.lastIndexOf(':');
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        if (colon > 0 && (upper.startsWith("EPSG:") || upper.startsWith("URN:OGC:DEF:CRS:EPSG:"))) {
            try {
                return Crs.epsg(Integer.parseInt(text.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw new UnsupportedFeatureException(where + ": crs '" + text + "' names no EPSG code, expected"
                + " EPSG:code or urn:ogc:def:crs:EPSG::code");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new MalformedFileException(where + ": " + what + " is "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + ", expected a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> readOnly(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, readOnlyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object readOnlyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return readOnly((Map<String, Object>) m);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(readOnlyValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** Keeps the members of JSON objects in the file's order. */
    private static final ContainerFactory ORDERED = new ContainerFactory() {
        @Override
        public Map<String, Object> createObjectContainer() {
            return new LinkedHashMap<>();
        }

        @Override
        public List<Object> creatArrayContainer() {
            return new ArrayList<>();
        }
    };
}
