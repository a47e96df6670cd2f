package org.cogcube.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;

/**
 * Writes a catalogue as a STAC 1.0 ItemCollection: one Item per acquisition (id and datetime from
 * the date), one asset per layer with the projection, raster and eo extensions' fields, a WGS84
 * footprint, and hrefs relative to the catalogue's folder where the files are inside it.
 *
 * <p>Every asset carries its own {@code proj:*} and {@code raster:bands}: GDAL's STACIT driver and
 * most STAC tools look for them there, and a reader needs no defaults from elsewhere.
 */
final class StacWriter {
    static final String STAC_VERSION = "1.0.0";
    static final String EO = "https://stac-extensions.github.io/eo/v1.1.0/schema.json";
    static final String PROJECTION = "https://stac-extensions.github.io/projection/v1.1.0/schema.json";
    static final String RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";

    private final Catalog catalog;
    private final URI folder;
    private final Map<GridGeometry, Footprint> footprints = new HashMap<>();

    private StacWriter(Catalog catalog, URI folder) {
        this.catalog = catalog;
        this.folder = folder;
    }

    /** The ItemCollection of a catalogue that will live in {@code folder} (an absolute URI of a folder). */
    static String write(Catalog catalog, URI folder) {
        return Json.write(new StacWriter(catalog, Catalogs.asFolder(folder)).collection());
    }

    private ObjectNode collection() {
        ObjectNode root = Json.object();
        root.put("type", "FeatureCollection");
        root.put("stac_version", STAC_VERSION);
        TreeSet<String> extensions = new TreeSet<>();
        ArrayNode features = Json.array();
        for (Acquisition a : catalog.acquisitions()) {
            ObjectNode item = item(a);
            item.withArray("stac_extensions").forEach(e -> extensions.add(e.textValue()));
            features.add(item);
        }
        ArrayNode ext = root.putArray("stac_extensions");
        extensions.forEach(ext::add);
        root.putArray("links");
        root.set("features", features);
        return root;
    }

    private ObjectNode item(Acquisition a) {
        TreeSet<String> extensions = new TreeSet<>();
        ObjectNode assets = Json.object();
        List<GridGeometry> grids = new ArrayList<>();
        for (Asset asset : a.assets()) {
            assets.set(asset.layer(), asset(asset, extensions, grids));
        }
        ObjectNode item = Json.object();
        item.put("type", "Feature");
        item.put("stac_version", STAC_VERSION);
        ArrayNode ext = item.putArray("stac_extensions");
        extensions.forEach(ext::add);
        item.put("id", a.date().toString());
        Optional<double[]> bbox = bbox(grids);
        if (bbox.isPresent()) {
            item.set("bbox", numbers(bbox.get()));
            ObjectNode geometry = item.putObject("geometry");
            geometry.put("type", "Polygon");
            geometry.putArray("coordinates").add(ring(grids, bbox.get()));
        } else {
            item.putNull("geometry");
        }
        item.putObject("properties").put("datetime", a.instant().toString());
        item.putArray("links");
        item.set("assets", assets);
        return item;
    }

    private ObjectNode asset(Asset asset, TreeSet<String> extensions, List<GridGeometry> grids) {
        ObjectNode node = Json.object();
        node.put("href", Location.relativeHref(folder, asset.href()));
        node.put("type", asset.mediaType());
        node.putArray("roles").add("data");
        Optional<GridGeometry> grid = catalog.gridOf(asset);
        if (grid.isPresent()) {
            GridGeometry g = grid.get();
            extensions.add(PROJECTION);
            if (g.crs().isKnown()) {
                node.put("proj:epsg", g.crs().epsg());
                grids.add(g);
            } else {
                node.putNull("proj:epsg");
            }
            node.putArray("proj:shape").add(g.height()).add(g.width());
            GeoTransform t = g.transform();
            node.set("proj:transform", numbers(new double[] {t.xPerColumn(), t.xPerRow(), t.originX(),
                t.yPerColumn(), t.yPerRow(), t.originY()}));
        }
        Optional<RasterBand> band = catalog.bandOf(asset);
        if (band.isPresent()) {
            extensions.add(RASTER);
            node.putArray("raster:bands").add(rasterBand(band.get()));
        }
        Optional<SpectralBand> spectral = catalog.layer(asset.layer()).spectral();
        if (spectral.isPresent()) {
            extensions.add(EO);
            node.putArray("eo:bands").add(eoBand(spectral.get()));
        }
        return node;
    }

    private static ObjectNode rasterBand(RasterBand band) {
        ObjectNode node = Json.object();
        node.put("data_type", band.stacDataType());
        if (band.nodata().isPresent()) {
            double nodata = band.nodata().getAsDouble();
            if (Double.isNaN(nodata)) {
                node.put("nodata", "nan");
            } else if (Double.isInfinite(nodata)) {
                node.put("nodata", nodata > 0 ? "inf" : "-inf");
            } else {
                node.put("nodata", nodata);
            }
        }
        if (band.scale() != 1) {
            node.put("scale", band.scale());
        }
        if (band.offset() != 0) {
            node.put("offset", band.offset());
        }
        return node;
    }

    private static ObjectNode eoBand(SpectralBand band) {
        ObjectNode node = Json.object();
        node.put("name", band.name());
        band.commonName().ifPresent(n -> node.put("common_name", n));
        band.centerWavelength().ifPresent(w -> node.put("center_wavelength", w));
        return node;
    }

    /** The union of the WGS84 boxes of the grids, or empty when no asset has a grid of known CRS. */
    private Optional<double[]> bbox(List<GridGeometry> grids) {
        if (grids.isEmpty()) {
            return Optional.empty();
        }
        double[] union = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (GridGeometry g : grids) {
            double[] b = footprint(g).bbox();
            union[0] = Math.min(union[0], b[0]);
            union[1] = Math.min(union[1], b[1]);
            union[2] = Math.max(union[2], b[2]);
            union[3] = Math.max(union[3], b[3]);
        }
        return Optional.of(union);
    }

    /** The footprint ring when every grid covers the same area, else the ring of the union box. */
    private ArrayNode ring(List<GridGeometry> grids, double[] bbox) {
        GridGeometry first = grids.get(0);
        boolean sameArea = grids.stream().allMatch(g -> g.crs().equals(first.crs())
                && java.util.Arrays.equals(g.envelope(), first.envelope()));
        List<double[]> ring = sameArea ? footprint(first).ring() : Footprint.ringOf(bbox);
        ArrayNode node = Json.array();
        for (double[] p : ring) {
            node.add(numbers(p));
        }
        return node;
    }

    private Footprint footprint(GridGeometry grid) {
        return footprints.computeIfAbsent(grid, Footprint::of);
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode node = Json.array();
        for (double v : values) {
            node.add(v);
        }
        return node;
    }
}
