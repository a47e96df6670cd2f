package org.cogcube.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cogcube.MalformedCatalogException;
import org.cogcube.UnsupportedFeatureException;

/**
 * The simple catalogue: one JSON object mapping each date ({@code yyyy-mm-dd}) to the list of its
 * files' URLs, one per layer in the cube's fixed layer order:
 * <pre>{"2018-01-02": ["2018-01-02/B02.tif", "2018-01-02/B03.tif", ...], ...}</pre>
 * It says nothing of grids or sample types; layer names come from the order the reader is given,
 * by default Sentinel-2's ({@link Sentinel2#LAYER_NAMES}, whose spectral bands are then known).
 */
final class SimpleCatalog {
    private SimpleCatalog() {
    }

    /** Whether a parsed document can be a simple catalogue: an object without a STAC "type". */
    static boolean isSimple(JsonNode root) {
        return root.isObject() && !root.has("type") && !root.has("features");
    }

    /**
     * Writes the simple catalogue of a catalogue that will live in {@code folder}. Every date must
     * have every layer: a list has no way to say one is missing.
     */
    static String write(Catalog catalog, URI folder) {
        URI base = Catalogs.asFolder(folder);
        ObjectNode root = Json.object();
        for (Acquisition a : catalog.acquisitions()) {
            ArrayNode urls = root.putArray(a.date().toString());
            for (String layer : catalog.layerNames()) {
                Asset asset = a.asset(layer).orElseThrow(() -> new UnsupportedFeatureException("the simple catalogue"
                        + " cannot say that " + a.date() + " has no " + layer + " (expected every layer, "
                        + String.join(", ", catalog.layerNames()) + ", at every date)"));
                urls.add(Location.relativeHref(base, asset.href()));
            }
        }
        return Json.write(root);
    }

    /**
     * Reads a simple catalogue. {@code layerNames} name the positions of each date's list; when
     * empty, the Sentinel-2 order is assumed.
     */
    static Catalog read(JsonNode root, Location location, List<String> layerNames) {
        List<String> names = layerNames.isEmpty() ? Sentinel2.LAYER_NAMES : layerNames;
        checkNames(names, location);
        List<Acquisition> acquisitions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            LocalDate date;
            try {
                date = LocalDate.parse(e.getKey());
            } catch (DateTimeParseException ex) {
                throw new MalformedCatalogException(location.text(), "date \"" + e.getKey() + "\" does not parse"
                        + " (expected yyyy-mm-dd, such as 2018-01-02)");
            }
            JsonNode urls = e.getValue();
            if (!urls.isArray()) {
                throw new MalformedCatalogException(location.text(), date + ": expected a list of URLs, found "
                        + Json.describe(urls));
            }
            if (urls.size() != names.size()) {
                throw new MalformedCatalogException(location.text(), date + ": expected " + names.size()
                        + " URLs, one per layer (" + String.join(", ", names) + "), found " + urls.size()
                        + (layerNames.isEmpty() ? "; name the layers if the cube is not Sentinel-2's" : ""));
            }
            List<Asset> assets = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                JsonNode url = urls.get(i);
                String where = date + ", layer " + names.get(i) + " (URL " + (i + 1) + ")";
                if (!url.isTextual()) {
                    throw new MalformedCatalogException(location.text(), where + ": expected a URL (a string), found "
                            + Json.describe(url));
                }
                try {
                    assets.add(Asset.of(names.get(i), location.resolve(url.textValue())));
                } catch (IllegalArgumentException ex) {
                    throw new MalformedCatalogException(location.text(), where + ": " + ex.getMessage());
                }
            }
            acquisitions.add(Acquisition.of(date, assets));
        }
        List<Layer> layers = layerNames.isEmpty() ? Sentinel2.layers()
                : names.stream().map(Layer::named).toList();
        return Catalog.of(layers, acquisitions);
    }

    private static void checkNames(List<String> names, Location location) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            try {
                Layer.checkName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer names for " + location.text() + ": " + e.getMessage());
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("layer names for " + location.text() + ": " + name
                        + " is listed twice (expected each layer once)");
            }
        }
    }
}
