package org.cogcube.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cogcube.CogcubeException;
import org.cogcube.MalformedFileException;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;

/**
 * A cube's grid, fixed at creation and kept in {@value #FILE} beside the catalogues:
 * <pre>{"cogcube": 1, "crs": "EPSG:32725", "resolution": [30, 30],
 *  "bounds": [288750, 9110700, 298740, 9120780], "size": [333, 336]}</pre>
 * {@code bounds} is {@code minX, minY, maxX, maxY} in the CRS; the origin is the top-left corner
 * {@code (minX, maxY)}; {@code size} is {@code width, height} in pixels and only restates what
 * bounds and resolution say.
 */
public final class CubeGrid {
    /** The file that holds a cube's grid. */
    public static final String FILE = "cube.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CubeGrid() {
    }

    /**
     * The grid of a CRS, pixel size and bounds, which must be whole multiples of the pixel size
     * wide and high (within a millionth of a pixel).
     */
    public static GridGeometry grid(Crs crs, double resolutionX, double resolutionY, double[] bounds) {
        if (!crs.isKnown()) {
            throw new IllegalArgumentException("expected a CRS as EPSG:code, found none");
        }
        if (!(resolutionX > 0 && resolutionY > 0) || !Double.isFinite(resolutionX) || !Double.isFinite(resolutionY)) {
            throw new IllegalArgumentException("expected a positive resolution, found " + resolutionX + " x "
                    + resolutionY);
        }
        if (bounds.length != 4 || !(bounds[2] > bounds[0]) || !(bounds[3] > bounds[1])) {
            throw new IllegalArgumentException("expected bounds minX,minY,maxX,maxY with max > min, found "
                    + java.util.Arrays.toString(bounds));
        }
        long width = pixels(bounds[2] - bounds[0], resolutionX, "width");
        long height = pixels(bounds[3] - bounds[1], resolutionY, "height");
        if (width > Integer.MAX_VALUE / 2 || height > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("the grid would be " + width + " x " + height
                    + " pixels (expected fewer than 2^30 per side)");
        }
        return new GridGeometry((int) width, (int) height,
                GeoTransform.northUp(bounds[0], bounds[3], resolutionX, resolutionY), crs);
    }

    private static long pixels(double extent, double resolution, String what) {
        double n = extent / resolution;
        long whole = Math.round(n);
        if (Math.abs(n - whole) > 1e-6 || whole < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the bounds' %s (%s) is not a whole number"
                    + " of pixels of %s (found %.6f pixels)", what, plain(extent), plain(resolution), n));
        }
        return whole;
    }

    /**
     * Makes {@code folder} a cube of that grid: writes {@value #FILE} and empty catalogues. On a
     * folder that is already a cube of the same grid nothing changes (returns false); a cube of
     * another grid, or a folder holding catalogues but no {@value #FILE}, is refused.
     *
     * @return whether the cube was created
     */
    public static boolean create(Path folder, GridGeometry grid) {
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            GridGeometry existing = grid(folder);
            if (existing.equals(grid)) {
                return false;
            }
            throw new CogcubeException(folder + " is already a cube of another grid (" + describe(existing)
                    + "; asked for " + describe(grid) + ")");
        }
        if (Files.exists(folder.resolve(Catalogs.STAC_FILE)) || Files.exists(folder.resolve(Catalogs.SIMPLE_FILE))) {
            throw new CogcubeException(folder + " holds catalogues but no " + FILE + ": it was not made by cogcube create"
                    + " (expected an empty or new folder)");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CogcubeException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        Catalogs.write(Catalog.of(List.of(), List.of()), folder);
        Durable.publish(Durable.writeTemporary(folder, FILE, toJson(grid)), file);
        return true;
    }

    /** The grid of the cube in {@code folder}, from its {@value #FILE}. */
    public static GridGeometry grid(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            throw new CogcubeException(folder + " is not a cube: it has no " + FILE + " (run 'cogcube create' first)");
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            Crs crs = Crs.parse(text(root, "crs", file));
            JsonNode res = array(root, "resolution", 2, file);
            JsonNode b = array(root, "bounds", 4, file);
            double[] bounds = {b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble()};
            return grid(crs, res.get(0).asDouble(), res.get(1).asDouble(), bounds);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedFileException(file + ": expected a cube grid (crs, resolution, bounds): "
                    + e.getMessage(), e);
        }
    }

    static byte[] toJson(GridGeometry grid) {
        double[] e = grid.envelope();
        GeoTransform t = grid.transform();
        ObjectNode root = JSON.createObjectNode();
        root.put("cogcube", 1);
        root.put("crs", grid.crs().toString());
        root.putArray("resolution").add(t.xPerColumn()).add(-t.yPerRow());
        root.putArray("bounds").add(e[0]).add(e[1]).add(e[2]).add(e[3]);
        root.putArray("size").add(grid.width()).add(grid.height());
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e1) {
            throw new IllegalStateException("a small JSON object cannot fail to render", e1);
        }
    }

    static String describe(GridGeometry g) {
        double[] e = g.envelope();
        return g.crs() + ", " + plain(g.transform().xPerColumn()) + " x " + plain(-g.transform().yPerRow())
                + ", bounds " + plain(e[0]) + "," + plain(e[1]) + "," + plain(e[2]) + "," + plain(e[3]) + ", "
                + g.width() + " x " + g.height() + " pixels";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" should be a string");
        }
        return n.textValue();
    }

    private static JsonNode array(JsonNode root, String field, int size, Path file) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray() || n.size() != size) {
            throw new IllegalArgumentException("\"" + field + "\" should be an array of " + size + " numbers");
        }
        for (JsonNode v : n) {
            if (!v.isNumber()) {
                throw new IllegalArgumentException("\"" + field + "\" should hold numbers, found " + v);
            }
        }
        return n;
    }
}
