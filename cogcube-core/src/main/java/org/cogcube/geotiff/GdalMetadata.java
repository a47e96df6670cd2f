package org.cogcube.geotiff;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cogcube.MalformedFileException;
import org.cogcube.tiff.Ifd;
import org.cogcube.tiff.Tag;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** GDAL's own TIFF tags: GDAL_NODATA (42113) and the XML of GDAL_METADATA (42112). */
record GdalMetadata(double[] scales, double[] offsets, Map<String, String> items) {

    /** The nodata value of GDAL_NODATA, if the tag is present. */
    static OptionalDouble nodata(Ifd ifd, String location) {
        if (!ifd.has(Tag.GDAL_NODATA)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(parseNodata(ifd.get(Tag.GDAL_NODATA).get().ascii(), location));
    }

    static double parseNodata(String text, String location) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new MalformedFileException(location + ": GDAL_NODATA (42113) is '" + text
                            + "', expected a number");
                }
        }
    }

    /** GDAL's text for a nodata value, as its GTiff driver writes it. */
    static String formatNodata(double nodata) {
        if (Double.isNaN(nodata)) {
            return "nan";
        }
        if (Double.isInfinite(nodata)) {
            return nodata > 0 ? "inf" : "-inf";
        }
        if (nodata == Math.rint(nodata) && Math.abs(nodata) < 1e15) {
            return Long.toString((long) nodata);
        }
        return Double.toString(nodata).replace("E", "e");
    }

    static GdalMetadata read(Ifd ifd, int bands, String location) {
        double[] scales = new double[bands];
        double[] offsets = new double[bands];
        Arrays.fill(scales, 1);
        Map<String, String> items = new LinkedHashMap<>();
        if (ifd.has(Tag.GDAL_METADATA)) {
            String xml = ifd.get(Tag.GDAL_METADATA).get().ascii();
            NodeList list = parse(xml, location).getElementsByTagName("Item");
            for (int i = 0; i < list.getLength(); i++) {
                Element item = (Element) list.item(i);
                String name = item.getAttribute("name");
                String role = item.getAttribute("role");
                String sample = item.getAttribute("sample");
                String value = item.getTextContent().trim();
                if (sample.isEmpty()) {
                    if (!item.hasAttribute("domain")) {
                        items.put(name, value);
                    }
                    continue;
                }
                int band = parseInt(sample, location);
                if (band < 0 || band >= bands || !("scale".equals(role) || "offset".equals(role))) {
                    continue;
                }
                double v = parseDouble(value, name, location);
                if ("scale".equals(role)) {
                    scales[band] = v;
                } else {
                    offsets[band] = v;
                }
            }
        }
        return new GdalMetadata(scales, offsets, Collections.unmodifiableMap(items));
    }

    /** The XML GDAL writes for per-band scale and offset and dataset items; null when there is nothing to say. */
    static String toXml(double[] scales, double[] offsets, Map<String, String> items) {
        StringBuilder sb = new StringBuilder("<GDALMetadata>\n");
        boolean any = false;
        for (Map.Entry<String, String> e : items.entrySet()) {
            sb.append("  <Item name=\"").append(escape(e.getKey())).append("\">").append(escape(e.getValue()))
                    .append("</Item>\n");
            any = true;
        }
        for (int b = 0; b < scales.length; b++) {
            if (offsets[b] != 0 || scales[b] != 1) {
                sb.append("  <Item name=\"OFFSET\" sample=\"").append(b).append("\" role=\"offset\">")
                        .append(offsets[b]).append("</Item>\n");
                sb.append("  <Item name=\"SCALE\" sample=\"").append(b).append("\" role=\"scale\">")
                        .append(scales[b]).append("</Item>\n");
                any = true;
            }
        }
        return any ? sb.append("</GDALMetadata>").toString() : null;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static org.w3c.dom.Document parse(String xml, String location) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new MalformedFileException(location + ": GDAL_METADATA (42112) is not well-formed XML: "
                    + e.getMessage(), e);
        }
    }

    private static int parseInt(String s, String location) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new MalformedFileException(location + ": GDAL_METADATA item with sample='" + s
                    + "', expected a band index");
        }
    }

    private static double parseDouble(String s, String name, String location) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new MalformedFileException(location + ": GDAL_METADATA item " + name + " is '" + s
                    + "', expected a number");
        }
    }
}
