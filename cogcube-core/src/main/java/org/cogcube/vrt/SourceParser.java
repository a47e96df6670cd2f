package org.cogcube.vrt;

import static org.cogcube.vrt.VrtXml.attribute;
import static org.cogcube.vrt.VrtXml.child;
import static org.cogcube.vrt.VrtXml.children;
import static org.cogcube.vrt.VrtXml.text;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.w3c.dom.Element;

/**
 * Parses one {@code SimpleSource} or {@code ComplexSource} element into a {@link Source}.
 * ComplexSource options that change pixels other than by NODATA, ScaleOffset and ScaleRatio (a
 * LUT, a colour table component, non-linear scaling, a mask band) are refused.
 */
final class SourceParser {
    private static final Set<String> READ = Set.of("sourcefilename", "sourceband", "sourceproperties", "srcrect",
            "dstrect", "openoptions");
    private static final Set<String> READ_IN_COMPLEX = Set.of("nodata", "scaleoffset", "scaleratio",
            "usemaskband");

    private SourceParser() {
    }

    /**
     * @param vrt the VRT's location, against which the source's name is resolved
     * @param where the VRT, band and source, for messages
     */
    static Source parse(Element e, String vrt, String where) {
        Source.Kind kind = e.getTagName().equalsIgnoreCase("ComplexSource") ? Source.Kind.COMPLEX : Source.Kind.SIMPLE;
        String here = where + " (" + kind.element + ")";
        for (Element c : children(e)) {
            String name = c.getTagName().toLowerCase(Locale.ROOT);
            boolean known = READ.contains(name) || (kind == Source.Kind.COMPLEX && READ_IN_COMPLEX.contains(name));
            if (!known) {
                throw new UnsupportedFeatureException(here + ": " + c.getTagName() + " is not supported (cogcube"
                        + " reads SourceFilename, SourceBand, SourceProperties, SrcRect, DstRect"
                        + (kind == Source.Kind.COMPLEX ? ", NODATA, ScaleOffset and ScaleRatio" : "") + ")");
            }
        }
        Element file = child(e, "SourceFilename").orElseThrow(() -> new MalformedFileException(here
                + ": no SourceFilename"));
        boolean relative = attribute(file, "relativeToVRT").map(v -> VrtXml.integer(v, "relativeToVRT", here) != 0)
                .orElse(false);
        String location = Locations.resolve(vrt, file.getTextContent(), relative);
        String bandText = text(e, "SourceBand").orElse("1");
        if (bandText.toLowerCase(Locale.ROOT).startsWith("mask")) {
            throw new UnsupportedFeatureException(here + ": SourceBand " + bandText + " (a mask band) is not"
                    + " supported");
        }
        int band = VrtXml.integer(bandText, "SourceBand", here);
        if (band < 1) {
            throw new MalformedFileException(here + ": SourceBand should be 1 or more, found " + band);
        }
        child(e, "OpenOptions").ifPresent(o -> {
            if (!children(o).isEmpty()) {
                throw new UnsupportedFeatureException(here + ": OpenOptions (options of the driver that opens "
                        + location + ") are not supported");
            }
        });
        child(e, "UseMaskBand").ifPresent(m -> {
            if (!m.getTextContent().strip().equalsIgnoreCase("false") && !m.getTextContent().strip().equals("0")) {
                throw new UnsupportedFeatureException(here + ": UseMaskBand is not supported");
            }
        });
        Optional<Rect> src = child(e, "SrcRect").map(r -> rect(r, "SrcRect", here));
        Optional<Rect> dst = child(e, "DstRect").map(r -> rect(r, "DstRect", here));
        if (dst.isPresent() && !dst.get().isWhole()) {
            throw new UnsupportedFeatureException(here + ": a fractional DstRect (" + dst.get() + ") is not supported"
                    + " (GDAL snaps it to whole pixels by rules cogcube does not reproduce); SrcRect may be fractional");
        }
        OptionalDouble nodata = OptionalDouble.empty();
        double ratio = 1;
        double offset = 0;
        if (kind == Source.Kind.COMPLEX) {
            nodata = text(e, "NODATA").map(t -> OptionalDouble.of(VrtXml.number(t, "NODATA", here)))
                    .orElse(OptionalDouble.empty());
            ratio = text(e, "ScaleRatio").map(t -> VrtXml.number(t, "ScaleRatio", here)).orElse(1.0);
            offset = text(e, "ScaleOffset").map(t -> VrtXml.number(t, "ScaleOffset", here)).orElse(0.0);
        }
        String resampling = attribute(e, "resampling").map(r -> r.strip().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty()).orElse("nearest");
        return new Source(kind, location, band - 1, src, dst, nodata, ratio, offset, resampling);
    }

    private static Rect rect(Element r, String name, String where) {
        double[] v = new double[4];
        String[] keys = {"xOff", "yOff", "xSize", "ySize"};
        for (int i = 0; i < 4; i++) {
            String key = keys[i];
            String t = attribute(r, key).orElseThrow(() -> new MalformedFileException(where + ": " + name + " has no "
                    + key));
            v[i] = VrtXml.number(t, name + " " + key, where);
        }
        try {
            return new Rect(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(where + ": " + name + ": " + e.getMessage());
        }
    }
}
