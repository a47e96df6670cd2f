package org.cogcube.geotiff;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.tiff.Tag;
import org.cogcube.tiff.TagValue;

/** The tags that georeference a full-resolution image and carry GDAL's metadata, as GDAL writes them. */
public final class GeoTiffTags {
    private GeoTiffTags() {
    }

    /**
     * Georeferencing (unless the grid has none: identity transform and unknown CRS), and
     * GDAL_METADATA for scales, offsets and dataset items when there are any.
     */
    public static List<TagValue> of(GridGeometry grid, double[] scales, double[] offsets, Map<String, String> items,
            ByteOrder order) {
        List<TagValue> tags = new ArrayList<>();
        if (grid.crs().isKnown() || !grid.transform().equals(GeoTransform.IDENTITY)) {
            tags.addAll(new Georeferencing(grid.transform(), grid.crs(), false).toTags(order));
        }
        String xml = GdalMetadata.toXml(scales, offsets, items);
        if (xml != null) {
            tags.add(TagValue.ofAscii(Tag.GDAL_METADATA, order, xml));
        }
        return tags;
    }

    /** GDAL_NODATA for a nodata value. */
    public static TagValue nodata(double value, ByteOrder order) {
        return TagValue.ofAscii(Tag.GDAL_NODATA, order, GdalMetadata.formatNodata(value));
    }
}
