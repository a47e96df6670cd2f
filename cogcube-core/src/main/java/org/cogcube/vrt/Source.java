package org.cogcube.vrt;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One source of a VRT band, as parsed: which band of which raster it paints, from where to where,
 * and (for a ComplexSource) which values it skips and how it scales the others.
 *
 * @param kind the element it came from
 * @param location the source raster's path or URL, resolved against the VRT's location
 * @param band the source raster's band, 0-based (the XML's {@code SourceBand} minus one)
 * @param srcRect the rectangle read from the source raster; when both rectangles are absent, the
 *     whole source raster is painted at the VRT's origin; when only one is, nothing is painted (as
 *     in GDAL, which takes the missing one as empty)
 * @param dstRect the rectangle of the VRT painted
 * @param nodata source values that are not painted (ComplexSource {@code NODATA}); empty for none
 * @param scaleRatio painted values are {@code value * scaleRatio + scaleOffset} (1 for a SimpleSource)
 * @param scaleOffset see {@code scaleRatio} (0 for a SimpleSource)
 * @param resampling the {@code resampling} attribute, lower case, "nearest" when absent; it matters
 *     only when SrcRect and DstRect differ in size
 */
record Source(Kind kind, String location, int band, Optional<Rect> srcRect, Optional<Rect> dstRect,
        OptionalDouble nodata, double scaleRatio, double scaleOffset, String resampling) {

    /** The source elements cogcube reads. */
    enum Kind {
        SIMPLE("SimpleSource"), COMPLEX("ComplexSource");

        final String element;

        Kind(String element) {
            this.element = element;
        }
    }

    /** Whether painting is a plain copy (converted to the band's type): no skipped values, no scaling. */
    boolean paintsAsIs() {
        return kind == Kind.SIMPLE || (nodata.isEmpty() && scaleRatio == 1 && scaleOffset == 0);
    }

    /** Whether it has one of SrcRect and DstRect but not the other: GDAL paints nothing from it. */
    boolean paintsNothing() {
        return srcRect.isPresent() != dstRect.isPresent();
    }

    /** The source's DstRect, or the source raster's extent at the origin when it has none. */
    Rect dstRectFor(int sourceWidth, int sourceHeight) {
        return dstRect.orElseGet(() -> Rect.whole(sourceWidth, sourceHeight));
    }

    /** The source's SrcRect, or the whole source raster when it has none. */
    Rect srcRectFor(int sourceWidth, int sourceHeight) {
        return srcRect.orElseGet(() -> Rect.whole(sourceWidth, sourceHeight));
    }
}
