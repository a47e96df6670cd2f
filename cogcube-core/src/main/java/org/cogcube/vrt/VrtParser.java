package org.cogcube.vrt;

import static org.cogcube.vrt.VrtXml.attribute;
import static org.cogcube.vrt.VrtXml.children;
import static org.cogcube.vrt.VrtXml.is;
import static org.cogcube.vrt.VrtXml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;
import org.w3c.dom.Element;

/**
 * Parses a VRT document into a {@link VrtDocument}: the dataset's size, SRS and geotransform, and
 * each band with its sources (see {@link SourceParser}). Whatever would change pixels in a way
 * cogcube does not reproduce is refused with an {@link UnsupportedFeatureException} naming the
 * element and the VRT; what changes no pixel (descriptions, metadata, colour interpretation,
 * histograms, masks, overview lists) is skipped.
 */
final class VrtParser {
    /** Band children that change no pixel of a full-resolution read. */
    private static final Set<String> IGNORED_IN_BAND = Set.of("colorinterp", "description", "metadata", "unittype",
            "categorynames", "colortable", "histograms", "hidenodatavalue", "overview", "maskband",
            "gdalrasterattributetable");
    /** Band children that change pixels in ways cogcube does not implement. */
    private static final Set<String> REFUSED_IN_BAND = Set.of("kernelfilteredsource", "averagedsource",
            "nodatafrommasksource", "arraysource", "pixelfunctiontype", "pixelfunctionarguments",
            "pixelfunctioncode", "pixelfunctionlanguage", "sourcetransfertype", "vrtrawrasterband");
    /** Dataset children that change no pixel of a full-resolution read. */
    private static final Set<String> IGNORED_IN_DATASET = Set.of("metadata", "overviewlist", "maskband",
            "blockxsize", "blockysize", "description", "gcplist");

    private VrtParser() {
    }

    /**
     * The document the bytes hold.
     *
     * @param location the VRT's path or URL: named in messages, and relative sources resolve against it
     * @param warnings told of what was skipped
     */
    static VrtDocument parse(byte[] bytes, String location, Consumer<String> warnings) {
        Element root = VrtXml.parse(bytes, location);
        if (!is(root, "VRTDataset")) {
            throw new MalformedFileException(location + ": expected the root element VRTDataset, found "
                    + root.getTagName());
        }
        String subClass = attribute(root, "subClass").orElse("");
        if (!subClass.isEmpty()) {
            throw new UnsupportedFeatureException(location + ": VRTDataset subClass=\"" + subClass + "\" (a warped"
                    + " or pansharpened VRT) is not supported; only mosaics of sources are");
        }
        int width = positive(root, "rasterXSize", location);
        int height = positive(root, "rasterYSize", location);
        Crs crs = text(root, "SRS").map(t -> SrsCodes.parse(t, location)).orElse(Crs.UNKNOWN);
        GeoTransform transform = text(root, "GeoTransform").map(t -> geoTransform(t, location))
                .orElse(GeoTransform.IDENTITY);
        List<VrtBand> bands = new ArrayList<>();
        for (Element e : children(root)) {
            String name = e.getTagName().toLowerCase(Locale.ROOT);
            if (name.equals("vrtrasterband")) {
                bands.add(band(e, bands.size() + 1, location, warnings));
            } else if (IGNORED_IN_DATASET.contains(name)) {
                if (name.equals("gcplist")) {
                    warnings.accept(location + ": GCPList skipped (cogcube georeferences by GeoTransform only)");
                }
            } else if (!name.equals("srs") && !name.equals("geotransform")) {
                warnings.accept(location + ": unknown element " + e.getTagName() + " in VRTDataset skipped");
            }
        }
        if (bands.isEmpty()) {
            throw new MalformedFileException(location + ": expected at least one VRTRasterBand, found none");
        }
        return new VrtDocument(location, new GridGeometry(width, height, transform, crs), bands);
    }

    private static VrtBand band(Element e, int number, String location, Consumer<String> warnings) {
        String where = location + ", band " + number;
        String subClass = attribute(e, "subClass").orElse("VRTSourcedRasterBand");
        if (!subClass.equalsIgnoreCase("VRTSourcedRasterBand")) {
            throw new UnsupportedFeatureException(where + ": VRTRasterBand subClass=\"" + subClass + "\" is not"
                    + " supported; only bands painted from SimpleSource and ComplexSource elements are");
        }
        attribute(e, "band").ifPresent(b -> {
            if (VrtXml.integer(b, "the band attribute", where) != number) {
                throw new MalformedFileException(where + ": expected band=\"" + number + "\" (bands in order), found"
                        + " band=\"" + b + "\"");
            }
        });
        SampleType type = dataType(attribute(e, "dataType").orElse("Float32"), where);
        OptionalDouble nodata = text(e, "NoDataValue")
                .map(t -> OptionalDouble.of(VrtXml.number(t, "NoDataValue", where))).orElse(OptionalDouble.empty());
        double scale = text(e, "Scale").map(t -> VrtXml.number(t, "Scale", where)).orElse(1.0);
        double offset = text(e, "Offset").map(t -> VrtXml.number(t, "Offset", where)).orElse(0.0);
        List<Source> sources = new ArrayList<>();
        for (Element c : children(e)) {
            String name = c.getTagName().toLowerCase(Locale.ROOT);
            switch (name) {
                case "simplesource", "complexsource" -> {
                    String at = where + ", source " + (sources.size() + 1);
                    Source s = SourceParser.parse(c, location, at);
                    if (s.paintsNothing()) {
                        warnings.accept(at + " (" + s.location() + ") has " + (s.srcRect().isPresent() ? "a SrcRect"
                                + " but no DstRect" : "a DstRect but no SrcRect") + ": it paints nothing, as in GDAL");
                    }
                    sources.add(s);
                }
                case "nodatavalue", "scale", "offset" -> {
                }
                default -> {
                    if (REFUSED_IN_BAND.contains(name) || name.endsWith("source")) {
                        throw new UnsupportedFeatureException(where + ": " + c.getTagName() + " is not supported"
                                + " (cogcube reads SimpleSource and ComplexSource only)");
                    }
                    if (!IGNORED_IN_BAND.contains(name)) {
                        warnings.accept(where + ": unknown element " + c.getTagName() + " skipped");
                    }
                }
            }
        }
        return new VrtBand(type, nodata, scale, offset, sources);
    }

    /** The band type for GDAL's name of it. */
    static SampleType dataType(String gdalName, String where) {
        for (SampleType t : SampleType.values()) {
            if (t.gdalName().equalsIgnoreCase(gdalName.strip())) {
                return t;
            }
        }
        throw new UnsupportedFeatureException(where + ": dataType \"" + gdalName + "\" is not supported (expected"
                + " Byte, Int8, UInt16, Int16, UInt32, Int32, Float32 or Float64)");
    }

    private static GeoTransform geoTransform(String text, String where) {
        String[] parts = text.split(",");
        if (parts.length != 6) {
            throw new MalformedFileException(where + ": GeoTransform should have 6 comma-separated numbers, found "
                    + parts.length + ": '" + text + "'");
        }
        double[] gt = new double[6];
        for (int i = 0; i < 6; i++) {
            gt[i] = VrtXml.number(parts[i], "GeoTransform coefficient " + (i + 1), where);
        }
        return GeoTransform.fromGdal(gt);
    }

    private static int positive(Element e, String name, String where) {
        String text = attribute(e, name).orElseThrow(() -> new MalformedFileException(where + ": VRTDataset has no "
                + name + " attribute"));
        int v = VrtXml.integer(text, name, where);
        if (v <= 0) {
            throw new MalformedFileException(where + ": " + name + " should be positive, found " + v);
        }
        return v;
    }
}
