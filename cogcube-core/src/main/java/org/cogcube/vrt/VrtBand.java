package org.cogcube.vrt;

import java.util.List;
import java.util.OptionalDouble;
import org.cogcube.raster.SampleType;

/**
 * One {@code VRTRasterBand}: its data type, nodata value, scale and offset, and its sources in
 * painting order.
 *
 * @param type the band's data type, what reads return
 * @param nodata the band's {@code NoDataValue}, also its initial fill; empty for none (fill 0)
 * @param scale the band's {@code Scale} (1 when absent)
 * @param offset the band's {@code Offset} (0 when absent)
 * @param sources in document order: later ones paint over earlier ones
 */
record VrtBand(SampleType type, OptionalDouble nodata, double scale, double offset, List<Source> sources) {
    VrtBand {
        sources = List.copyOf(sources);
    }
}
