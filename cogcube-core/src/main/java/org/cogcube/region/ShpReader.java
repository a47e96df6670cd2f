package org.cogcube.region;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads the shapes of a {@code .shp} main file (ESRI Shapefile Technical Description, 1998) record
 * by record, without its {@code .shx} index: the header's file code and lengths are big-endian,
 * everything else little-endian. Only polygon files are regions: Polygon (5), PolygonZ (15) and
 * PolygonM (25), whose Z and M values are dropped; Null shapes (0) are kept as records without
 * rings. Every count is checked against the bytes that hold it before anything is allocated, so a
 * broken or hostile file is refused with its record and what did not fit, never read past.
 */
final class ShpReader {

    /** One record: its position in the file (0 for the first, OGR's FID) and its rings, none if Null. */
    record Shape(int index, List<Coordinate[]> rings) {
        boolean isNull() {
            return rings.isEmpty();
        }
    }

    static final int HEADER = 100;
    private static final int FILE_CODE = 9994;
    private static final int VERSION = 1000;
    private static final int NULL = 0;

    private final ByteBuffer big;
    private final ByteBuffer little;
    private final String name;

    private ShpReader(byte[] bytes, String name) {
        this.big = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        this.little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.name = name;
    }

    /** Reads every record of a polygon shapefile; {@code name} names it in error messages. */
    static List<Shape> read(byte[] shp, String name) {
        return new ShpReader(shp, name).records();
    }

    private List<Shape> records() {
        int end = end();
        ShapeType type = type();
        List<Shape> shapes = new ArrayList<>();
        int offset = HEADER;
        while (offset < end) {
            int index = shapes.size();
            if (end - offset < 8) {
                throw malformed(index, offset, "a record header of 8 bytes", (end - offset) + " bytes left in the file");
            }
            long length = 2L * big.getInt(offset + 4);
            if (length < 4 || length > end - offset - 8) {
                throw malformed(index, offset, "a content length between 4 and the " + (end - offset - 8)
                        + " bytes left", length + " bytes");
            }
            shapes.add(shape(type, index, offset + 8, (int) length));
            offset += 8 + (int) length;
        }
        return shapes;
    }

    /** Checks the header's file code and length, and returns where the records end. */
    private int end() {
        int size = big.capacity();
        if (size < HEADER) {
            throw new MalformedFileException(name + ": " + size + " bytes, expected a header of " + HEADER);
        }
        int code = big.getInt(0);
        if (code != FILE_CODE) {
            throw new MalformedFileException(name + ": file code " + code + ", expected " + FILE_CODE
                    + " (not a shapefile)");
        }
        long length = 2L * (big.getInt(24) & 0xFFFFFFFFL);
        if (length < HEADER || length > size) {
            throw new MalformedFileException(name + ": the header says " + length + " bytes, the file has "
                    + size + (length > size ? " (truncated?)" : ""));
        }
        return (int) length;
    }

    /** Checks the header's version and shape type, which must be a polygon's. */
    private ShapeType type() {
        int version = little.getInt(28);
        if (version != VERSION) {
            throw new MalformedFileException(name + ": version " + version + ", expected " + VERSION);
        }
        ShapeType type = ShapeType.of(little.getInt(32), name);
        if (!type.isPolygon() && type != ShapeType.NULL) {
            throw new UnsupportedFeatureException(name + ": a shapefile of " + type.spec
                    + " shapes cannot be a region, expected Polygon, PolygonZ or PolygonM");
        }
        return type;
    }

    private Shape shape(ShapeType type, int index, int at, int length) {
        int code = little.getInt(at);
        if (code == NULL) {
            return new Shape(index, List.of());
        }
        if (code != type.code) {
            throw malformed(index, at - 8, "shape type " + type.code + " (" + type.spec + ") or 0 (Null)",
                    "type " + code);
        }
        if (length < 44) {
            throw malformed(index, at - 8, "at least 44 bytes for a polygon's box and counts", length + " bytes");
        }
        int parts = little.getInt(at + 36);
        int points = little.getInt(at + 40);
        long needed = 44L + 4L * parts + 16L * points;
        if (parts < 1 || points < 0 || needed > length) {
            throw malformed(index, at - 8, "part and point counts that fit its " + length + " bytes",
                    parts + " parts and " + points + " points (" + needed + " bytes)");
        }
        int[] starts = new int[parts + 1];
        for (int p = 0; p < parts; p++) {
            starts[p] = little.getInt(at + 44 + 4 * p);
            if ((p == 0 && starts[p] != 0) || (p > 0 && starts[p] < starts[p - 1]) || starts[p] > points) {
                throw malformed(index, at - 8, "part starts rising from 0 to at most its " + points + " points",
                        "part " + p + " starting at point " + starts[p]);
            }
        }
        starts[parts] = points;
        int xy = at + 44 + 4 * parts;
        List<Coordinate[]> rings = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            rings.add(ring(index, at - 8, p, starts, xy));
        }
        return new Shape(index, rings);
    }

    private Coordinate[] ring(int index, int recordAt, int part, int[] starts, int xy) {
        int from = starts[part];
        int to = starts[part + 1];
        if (to - from < 4) {
            throw malformed(index, recordAt, "ring " + part + " to have at least 4 points (a closed ring)",
                    (to - from) + " points");
        }
        Coordinate[] ring = new Coordinate[to - from];
        for (int i = 0; i < ring.length; i++) {
            double x = little.getDouble(xy + 16 * (from + i));
            double y = little.getDouble(xy + 16 * (from + i) + 8);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw malformed(index, recordAt, "finite coordinates", "point " + (from + i) + " (" + x + ", " + y + ")");
            }
            ring[i] = new Coordinate(x, y);
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            throw malformed(index, recordAt, "ring " + part + " to end where it starts, at " + ring[0].x + " "
                    + ring[0].y, "it ends at " + ring[ring.length - 1].x + " " + ring[ring.length - 1].y);
        }
        return ring;
    }

    private MalformedFileException malformed(int index, int offset, String expected, String found) {
        return new MalformedFileException(name + ", record " + (index + 1) + " (at byte " + offset + "): expected "
                + expected + ", found " + found);
    }

    /** The shape types of the specification, by their code and name. */
    enum ShapeType {
        NULL(0, "Null"), POINT(1, "Point"), POLYLINE(3, "PolyLine"), POLYGON(5, "Polygon"),
        MULTIPOINT(8, "MultiPoint"), POINTZ(11, "PointZ"), POLYLINEZ(13, "PolyLineZ"), POLYGONZ(15, "PolygonZ"),
        MULTIPOINTZ(18, "MultiPointZ"), POINTM(21, "PointM"), POLYLINEM(23, "PolyLineM"), POLYGONM(25, "PolygonM"),
        MULTIPOINTM(28, "MultiPointM"), MULTIPATCH(31, "MultiPatch");

        final int code;
        final String spec;

        ShapeType(int code, String spec) {
            this.code = code;
            this.spec = spec;
        }

        boolean isPolygon() {
            return this == POLYGON || this == POLYGONZ || this == POLYGONM;
        }

        static ShapeType of(int code, String where) {
            for (ShapeType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new MalformedFileException(where + ": shape type " + code + ", expected one of the specification's"
                    + " (5 for Polygon)");
        }
    }
}
