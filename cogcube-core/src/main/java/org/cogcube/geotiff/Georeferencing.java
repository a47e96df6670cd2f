package org.cogcube.geotiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.tiff.Ifd;
import org.cogcube.tiff.Tag;
import org.cogcube.tiff.TagValue;

/** The CRS and geotransform of a GeoTIFF, read from and written to its tags the way GDAL does. */
record Georeferencing(GeoTransform transform, Crs crs, boolean pixelIsPoint) {

    static Georeferencing read(Ifd ifd, String location) {
        Map<Integer, Integer> keys = shortKeys(ifd, location);
        boolean point = keys.getOrDefault(GeoKey.GT_RASTER_TYPE.code, GeoKey.RASTER_PIXEL_IS_AREA)
                == GeoKey.RASTER_PIXEL_IS_POINT;
        return new Georeferencing(transform(ifd, point, location), crs(keys, location), point);
    }

    private static GeoTransform transform(Ifd ifd, boolean pixelIsPoint, String location) {
        GeoTransform gt;
        if (ifd.has(Tag.MODEL_TRANSFORMATION)) {
            double[] m = ifd.get(Tag.MODEL_TRANSFORMATION).get().doubles();
            if (m.length != 16) {
                throw new MalformedFileException(location + ": ModelTransformationTag has " + m.length
                        + " values, expected 16");
            }
            gt = new GeoTransform(m[3], m[0], m[1], m[7], m[4], m[5]);
        } else if (ifd.has(Tag.MODEL_TIEPOINT) && ifd.has(Tag.MODEL_PIXEL_SCALE)) {
            double[] tie = ifd.get(Tag.MODEL_TIEPOINT).get().doubles();
            double[] scale = ifd.get(Tag.MODEL_PIXEL_SCALE).get().doubles();
            if (tie.length < 6 || scale.length < 2) {
                throw new MalformedFileException(location + ": ModelTiepointTag has " + tie.length
                        + " values and ModelPixelScaleTag " + scale.length + ", expected at least 6 and 2");
            }
            gt = new GeoTransform(tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]);
        } else {
            return GeoTransform.IDENTITY;
        }
        // GDAL reports a corner-based transform: a PixelIsPoint tiepoint names a pixel's centre.
        return pixelIsPoint ? gt.translated(-0.5, -0.5) : gt;
    }

    private static Crs crs(Map<Integer, Integer> keys, String location) {
        if (keys.isEmpty()) {
            return Crs.UNKNOWN;
        }
        int model = keys.getOrDefault(GeoKey.GT_MODEL_TYPE.code, 0);
        Integer projected = keys.get(GeoKey.PROJECTED_CS_TYPE.code);
        Integer geographic = keys.get(GeoKey.GEOGRAPHIC_TYPE.code);
        if (model == GeoKey.MODEL_PROJECTED && projected != null && projected != GeoKey.USER_DEFINED) {
            return Crs.epsg(projected);
        }
        if (model == GeoKey.MODEL_GEOGRAPHIC && geographic != null && geographic != GeoKey.USER_DEFINED) {
            return Crs.epsg(geographic);
        }
        if (model == 0 && projected == null && geographic == null) {
            return Crs.UNKNOWN;
        }
        StringBuilder named = new StringBuilder();
        keys.forEach((k, v) -> named.append(named.length() == 0 ? "" : ", ").append(GeoKey.nameOf(k)).append('=')
                .append(v));
        throw new UnsupportedFeatureException(location + ": user-defined CRS (" + named
                + "); cogcube supports CRSs given by an EPSG code (ProjectedCSTypeGeoKey or GeographicTypeGeoKey)."
                + " Reproject the file to an EPSG CRS, e.g. gdalwarp -t_srs EPSG:32630");
    }

    /** The GeoKeys whose values are SHORTs stored in the directory itself. */
    private static Map<Integer, Integer> shortKeys(Ifd ifd, String location) {
        Map<Integer, Integer> keys = new LinkedHashMap<>();
        if (!ifd.has(Tag.GEO_KEY_DIRECTORY)) {
            return keys;
        }
        long[] d = ifd.get(Tag.GEO_KEY_DIRECTORY).get().longs();
        if (d.length < 4 || d.length < 4 + 4 * d[3]) {
            throw new MalformedFileException(location + ": GeoKeyDirectoryTag has " + d.length
                    + " values, too few for its header and " + (d.length >= 4 ? d[3] : 0) + " keys");
        }
        for (int i = 0; i < d[3]; i++) {
            int base = 4 + 4 * i;
            if (d[base + 1] == 0 && d[base + 2] == 1) {
                keys.put((int) d[base], (int) d[base + 3]);
            } else {
                keys.put((int) d[base], -1); // stored elsewhere (citation or double): present, value not needed
            }
        }
        return keys;
    }

    /** The tags GDAL writes for this georeferencing: pixel scale and tiepoint (or a transformation) and GeoKeys. */
    List<TagValue> toTags(java.nio.ByteOrder order) {
        List<TagValue> tags = new ArrayList<>();
        if (transform.isNorthUp() && transform.yPerRow() < 0 && !pixelIsPoint) {
            tags.add(TagValue.ofDoubles(Tag.MODEL_PIXEL_SCALE, order, transform.xPerColumn(), -transform.yPerRow(), 0));
            tags.add(TagValue.ofDoubles(Tag.MODEL_TIEPOINT, order, 0, 0, 0, transform.originX(), transform.originY(),
                    0));
        } else {
            GeoTransform t = pixelIsPoint ? transform.translated(0.5, 0.5) : transform;
            tags.add(TagValue.ofDoubles(Tag.MODEL_TRANSFORMATION, order, t.xPerColumn(), t.xPerRow(), 0,
                    t.originX(), t.yPerColumn(), t.yPerRow(), 0, t.originY(), 0, 0, 0, 0, 0, 0, 0, 1));
        }
        if (crs.isKnown()) {
            boolean geographic = crs.isGeographic();
            int[] keys = geographic
                    ? new int[] {GeoKey.GT_MODEL_TYPE.code, GeoKey.MODEL_GEOGRAPHIC,
                        GeoKey.GT_RASTER_TYPE.code, pixelIsPoint ? 2 : 1,
                        GeoKey.GEOGRAPHIC_TYPE.code, crs.epsg(),
                        GeoKey.GEOG_ANGULAR_UNITS.code, 9102}
                    : new int[] {GeoKey.GT_MODEL_TYPE.code, GeoKey.MODEL_PROJECTED,
                        GeoKey.GT_RASTER_TYPE.code, pixelIsPoint ? 2 : 1,
                        GeoKey.PROJECTED_CS_TYPE.code, crs.epsg()};
            int n = keys.length / 2;
            int[] dir = new int[4 + 4 * n];
            dir[0] = 1;
            dir[1] = 1;
            dir[2] = 0;
            dir[3] = n;
            for (int i = 0; i < n; i++) {
                dir[4 + 4 * i] = keys[2 * i];
                dir[4 + 4 * i + 1] = 0;
                dir[4 + 4 * i + 2] = 1;
                dir[4 + 4 * i + 3] = keys[2 * i + 1];
            }
            tags.add(TagValue.ofShorts(Tag.GEO_KEY_DIRECTORY, order, dir));
        }
        return tags;
    }
}
