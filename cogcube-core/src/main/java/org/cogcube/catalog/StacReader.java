package org.cogcube.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.cogcube.MalformedCatalogException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;

/**
 * Reads a STAC ItemCollection (or a single Item) into a catalogue: one acquisition per date (items
 * of the same date are merged), one layer per data asset key.
 *
 * <p>Only data assets become layers: an asset whose {@code roles} exist and do not include
 * {@code data} (thumbnails, metadata) is skipped. Projection fields are taken from the asset, else
 * from the item's properties, as the projection extension says. What cogcube cannot use but a
 * valid catalogue may hold (a sample type it does not read, several bands in one asset, a
 * {@code proj:epsg} of null) is reported to the warning listener and left out.
 */
final class StacReader {
    private final Location location;
    private final Consumer<String> warnings;
    /** Acquisitions by date: time, and assets by layer with the id of the item that gave each. */
    private final TreeMap<LocalDate, Building> byDate = new TreeMap<>();
    private final List<String> layerOrder = new ArrayList<>();
    private final Map<String, SpectralBand> spectral = new LinkedHashMap<>();

    private StacReader(Location location, Consumer<String> warnings) {
        this.location = location;
        this.warnings = warnings;
    }

    private static final class Building {
        Instant time;
        final Map<String, Asset> assets = new LinkedHashMap<>();
        final Map<String, String> itemOf = new LinkedHashMap<>();
    }

    /** Whether a parsed document looks like STAC (an object with a textual "type"). */
    static boolean isStac(JsonNode root) {
        return root.isObject() && root.path("type").isTextual();
    }

    static Catalog read(JsonNode root, Location location, Consumer<String> warnings) {
        return new StacReader(location, warnings).catalog(root);
    }

    private Catalog catalog(JsonNode root) {
        String type = root.path("type").asText();
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.get("features");
                if (features == null || !features.isArray()) {
                    throw fail("expected \"features\", an array of STAC Items, found " + Json.describe(features));
                }
                for (int i = 0; i < features.size(); i++) {
                    item(features.get(i), i);
                }
            }
            case "Feature" -> item(root, 0);
            default -> throw fail("expected a STAC ItemCollection (type \"FeatureCollection\") or Item (type"
                    + " \"Feature\"), found type \"" + type + "\"");
        }
        List<Layer> layers = new ArrayList<>();
        for (String name : layerOrder) {
            layers.add(new Layer(name, Optional.empty(), Optional.ofNullable(spectral.get(name))));
        }
        List<Acquisition> acquisitions = new ArrayList<>();
        byDate.forEach((date, b) -> acquisitions.add(
                new Acquisition(date, Optional.of(b.time), new ArrayList<>(b.assets.values()))));
        return Catalog.of(layers, acquisitions);
    }

    private void item(JsonNode item, int index) {
        if (!item.isObject()) {
            throw fail("feature " + index + ": expected a STAC Item (an object), found " + Json.describe(item));
        }
        JsonNode idNode = item.get("id");
        String id = idNode != null && idNode.isTextual() ? "item '" + idNode.textValue() + "'" : "feature " + index;
        Instant time = datetime(item.path("properties"), id);
        LocalDate date = LocalDate.ofInstant(time, ZoneOffset.UTC);
        JsonNode assets = item.get("assets");
        if (assets == null || !assets.isObject()) {
            throw fail(id + ": expected \"assets\", an object, found " + Json.describe(assets));
        }
        Building building = byDate.computeIfAbsent(date, d -> new Building());
        if (building.time == null || time.isBefore(building.time)) {
            building.time = time;
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : assets.properties()) {
            String name = e.getKey();
            JsonNode asset = e.getValue();
            if (!asset.isObject()) {
                throw fail(id + ", asset '" + name + "': expected an object, found " + Json.describe(asset));
            }
            if (!isData(asset)) {
                continue;
            }
            String where = id + ", asset '" + name + "'";
            try {
                Layer.checkName(name);
            } catch (IllegalArgumentException ex) {
                throw fail(where + ": " + ex.getMessage());
            }
            String other = building.itemOf.putIfAbsent(name, id);
            if (other != null) {
                throw fail(where + ": layer '" + name + "' is listed twice on " + date + " (also in " + other
                        + "; expected one asset per layer and date)");
            }
            building.assets.put(name, asset(asset, item.path("properties"), name, where));
            names.add(name);
        }
        mergeLayerOrder(names);
    }

    private Asset asset(JsonNode asset, JsonNode properties, String name, String where) {
        JsonNode hrefNode = asset.get("href");
        if (hrefNode == null || !hrefNode.isTextual()) {
            throw fail(where + ": expected \"href\", a string, found " + Json.describe(hrefNode));
        }
        URI href;
        try {
            href = location.resolve(hrefNode.textValue());
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
        JsonNode typeNode = asset.get("type");
        String mediaType = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : MediaTypes.forHref(href);
        Optional<GridGeometry> grid = grid(asset, properties, where);
        Optional<RasterBand> band = band(asset.get("raster:bands"), where);
        spectral(asset.get("eo:bands"), name, where);
        return new Asset(name, href, mediaType, grid, band);
    }

    private static boolean isData(JsonNode asset) {
        JsonNode roles = asset.get("roles");
        if (roles == null || !roles.isArray()) {
            return true;
        }
        for (JsonNode role : roles) {
            if ("data".equals(role.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds an item's new layer names to the layer order: each after the name before it in the item,
     * or, for the item's first names, before the first name already known; else at the end. Items
     * that each miss some layers so still give the layers in the order the items list them.
     */
    private void mergeLayerOrder(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (layerOrder.contains(name)) {
                continue;
            }
            int at = layerOrder.size();
            if (i > 0) {
                at = layerOrder.indexOf(names.get(i - 1)) + 1;
            } else {
                for (int j = 1; j < names.size(); j++) {
                    if (layerOrder.contains(names.get(j))) {
                        at = layerOrder.indexOf(names.get(j));
                        break;
                    }
                }
            }
            layerOrder.add(at, name);
        }
    }

    private Instant datetime(JsonNode properties, String id) {
        JsonNode node = properties.get("datetime");
        if (node == null || !node.isTextual()) {
            throw fail(id + ": expected properties.datetime, an RFC 3339 date and time such as"
                    + " 2018-01-02T10:40:21Z, found " + Json.describe(node));
        }
        try {
            return OffsetDateTime.parse(node.textValue().toUpperCase(Locale.ROOT),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw fail(id + ": properties.datetime \"" + node.textValue() + "\" does not parse (expected RFC 3339,"
                    + " such as 2018-01-02T10:40:21Z)");
        }
    }

    private Optional<GridGeometry> grid(JsonNode asset, JsonNode properties, String where) {
        JsonNode epsg = field(asset, properties, "proj:epsg");
        JsonNode shape = field(asset, properties, "proj:shape");
        JsonNode transform = field(asset, properties, "proj:transform");
        if (shape == null || transform == null) {
            if (shape != null || transform != null || epsg != null) {
                warnings.accept(location.text() + ": " + where + ": no grid (expected both proj:shape and"
                        + " proj:transform)");
            }
            return Optional.empty();
        }
        Crs crs = Crs.UNKNOWN;
        if (epsg != null && epsg.isIntegralNumber() && epsg.asLong() > 0 && epsg.asLong() <= Integer.MAX_VALUE) {
            crs = Crs.epsg(epsg.asInt());
        } else if (epsg != null && !epsg.isNull()) {
            throw fail(where + ": expected proj:epsg, a positive integer or null, found " + Json.describe(epsg));
        } else {
            warnings.accept(location.text() + ": " + where + ": no EPSG code (proj:epsg is null or missing): grid"
                    + " of unknown CRS");
        }
        if (!shape.isArray() || shape.size() != 2 || !shape.get(0).canConvertToExactIntegral()
                || !shape.get(1).canConvertToExactIntegral() || shape.get(0).asLong() < 0 || shape.get(1).asLong() < 0
                || shape.get(0).asLong() > Integer.MAX_VALUE || shape.get(1).asLong() > Integer.MAX_VALUE) {
            throw fail(where + ": expected proj:shape, [rows, columns] of two non-negative integers, found "
                    + shape);
        }
        double[] t = numbers(transform);
        if (t == null || (t.length != 6 && t.length != 9)
                || (t.length == 9 && (t[6] != 0 || t[7] != 0 || t[8] != 1))) {
            throw fail(where + ": expected proj:transform, 6 numbers [a, b, c, d, e, f] (or 9 ending 0, 0, 1),"
                    + " found " + transform);
        }
        GeoTransform gt = new GeoTransform(t[2], t[0], t[1], t[5], t[3], t[4]);
        return Optional.of(new GridGeometry(shape.get(1).asInt(), shape.get(0).asInt(), gt, crs));
    }

    private static JsonNode field(JsonNode asset, JsonNode properties, String name) {
        JsonNode own = asset.get(name);
        return own != null ? own : properties.get(name);
    }

    private static double[] numbers(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            if (!array.get(i).isNumber()) {
                return null;
            }
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private Optional<RasterBand> band(JsonNode bands, String where) {
        if (bands == null) {
            return Optional.empty();
        }
        if (!bands.isArray() || bands.isEmpty() || !bands.get(0).isObject()) {
            throw fail(where + ": expected raster:bands, an array of objects, found " + Json.describe(bands));
        }
        if (bands.size() > 1) {
            warnings.accept(location.text() + ": " + where + ": " + bands.size() + " raster bands; a layer has one,"
                    + " so the band metadata is left out");
            return Optional.empty();
        }
        JsonNode band = bands.get(0);
        JsonNode typeNode = band.get("data_type");
        if (typeNode == null) {
            return Optional.empty();
        }
        Optional<SampleType> type = RasterBand.typeOfStacName(typeNode.asText());
        if (type.isEmpty()) {
            warnings.accept(location.text() + ": " + where + ": data_type " + Json.describe(typeNode)
                    + " is not one cogcube reads (uint8, int8, uint16, int16, uint32, int32, float32, float64)");
            return Optional.empty();
        }
        OptionalDouble nodata = nodata(band.get("nodata"), where);
        double scale = number(band, "scale", 1, where);
        double offset = number(band, "offset", 0, where);
        try {
            return Optional.of(new RasterBand(type.get(), nodata, scale, offset));
        } catch (IllegalArgumentException e) {
            throw fail(where + ": raster:bands: " + e.getMessage());
        }
    }

    private OptionalDouble nodata(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return OptionalDouble.empty();
        }
        if (node.isNumber()) {
            return OptionalDouble.of(node.asDouble());
        }
        return switch (node.asText()) {
            case "nan" -> OptionalDouble.of(Double.NaN);
            case "inf" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
            case "-inf" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
            default -> throw fail(where + ": expected raster:bands nodata, a number or \"nan\", \"inf\", \"-inf\","
                    + " found " + Json.describe(node));
        };
    }

    private double number(JsonNode band, String name, double absent, String where) {
        JsonNode node = band.get(name);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isNumber()) {
            throw fail(where + ": expected raster:bands " + name + ", a number, found " + Json.describe(node));
        }
        return node.asDouble();
    }

    private void spectral(JsonNode bands, String name, String where) {
        if (bands == null || spectral.containsKey(name)) {
            return;
        }
        if (!bands.isArray() || bands.size() != 1 || !bands.get(0).isObject()) {
            warnings.accept(location.text() + ": " + where + ": eo:bands is not one band object; left out");
            return;
        }
        JsonNode band = bands.get(0);
        JsonNode common = band.get("common_name");
        JsonNode wavelength = band.get("center_wavelength");
        String bandName = band.path("name").isTextual() ? band.get("name").textValue() : name;
        try {
            spectral.put(name, new SpectralBand(bandName,
                    common != null && common.isTextual() ? Optional.of(common.textValue()) : Optional.empty(),
                    wavelength != null && wavelength.isNumber() ? OptionalDouble.of(wavelength.asDouble())
                            : OptionalDouble.empty()));
        } catch (IllegalArgumentException e) {
            throw fail(where + ": eo:bands: " + e.getMessage());
        }
    }

    private MalformedCatalogException fail(String message) {
        return new MalformedCatalogException(location.text(), message);
    }
}
