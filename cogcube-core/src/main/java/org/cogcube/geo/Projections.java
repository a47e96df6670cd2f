package org.cogcube.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cogcube.UnsupportedFeatureException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;

/**
 * The projection library's view of cogcube's CRSs, parsed once per EPSG code. WGS84 (4326) and its
 * UTM zones (326zz north, 327zz south), the CRSs of Sentinel-2 and Landsat cubes, are built from
 * their PROJ definitions directly: the library finds any other code by reading its whole EPSG file,
 * 20 to 40 ms per code, which a short command pays before its first request.
 */
public final class Projections {
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, CoordinateReferenceSystem> PARSED = new ConcurrentHashMap<>();

    private Projections() {
    }

    /**
     * The library's CRS for an EPSG code.
     *
     * @throws UnsupportedFeatureException naming the CRS when the library does not know it (callers say
     *     what they were doing)
     */
    public static CoordinateReferenceSystem of(Crs crs) {
        if (!crs.isKnown()) {
            throw new UnsupportedFeatureException("cannot transform coordinates of a CRS with no EPSG code");
        }
        return PARSED.computeIfAbsent(crs.epsg(), code -> {
            String definition = wgs84Definition(code);
            try {
                synchronized (FACTORY) {
                    return definition != null ? FACTORY.createFromParameters("EPSG:" + code, definition)
                            : FACTORY.createFromName("EPSG:" + code);
                }
            } catch (RuntimeException e) {
                throw new UnsupportedFeatureException("the projection library does not know " + crs + " ("
                        + e.getMessage() + ")");
            }
        });
    }

    /** The transform from one CRS to another. */
    public static CoordinateTransform transform(Crs from, Crs to) {
        return new CoordinateTransformFactory().createTransform(of(from), of(to));
    }

    /**
     * The PROJ definition of WGS84 or one of its UTM zones, as the library's EPSG file gives it,
     * or null for another code.
     */
    static String wgs84Definition(int code) {
        if (code == 4326) {
            return "+proj=longlat +datum=WGS84 +no_defs";
        }
        int zone = code % 100;
        if ((code / 100 == 326 || code / 100 == 327) && zone >= 1 && zone <= 60) {
            return "+proj=utm +zone=" + zone + (code / 100 == 327 ? " +south" : "") + " +datum=WGS84 +units=m +no_defs";
        }
        return null;
    }
}
