package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cogcube.geo.GeoTransform;

/** Asserts that an extraction equals what the original method gave: same kept band-dates, arrays equal, NaN for NaN. */
final class Comparison {
    private Comparison() {
    }

    static void assertSame(OriginalMethod.Result expected, Extraction actual, String what) {
        Set<String> keptHere = new TreeSet<>();
        for (LayerCut cut : actual.cuts()) {
            keptHere.add(OriginalMethod.key(cut.band(), cut.date()));
        }
        assertEquals(new TreeSet<>(expected.kept().keySet()), keptHere, what + ": band-dates kept");
        Set<String> droppedHere = new TreeSet<>();
        for (Dropped d : actual.dropped()) {
            droppedHere.add(OriginalMethod.key(d.band(), d.date()));
        }
        assertEquals(new TreeSet<>(expected.dropped()), droppedHere, what + ": band-dates dropped");
        for (LayerCut cut : actual.cuts()) {
            OriginalMethod.Cut gdal = expected.kept().get(OriginalMethod.key(cut.band(), cut.date()));
            String where = what + ", " + cut.band() + " on " + cut.date();
            assertEquals(gdal.width() + "x" + gdal.height(), cut.grid().width() + "x" + cut.grid().height(),
                    where + ": size");
            GeoTransform t = cut.grid().transform();
            double[] gt = t.toGdal();
            for (int i = 0; i < 6; i++) {
                assertEquals(gdal.geoTransform()[i], gt[i], 1e-6, where + ": geotransform " + i);
            }
            float[] values = cut.values();
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (Float.floatToIntBits(values[i]) != Float.floatToIntBits(gdal.values()[i])
                        && !(Float.isNaN(values[i]) && Float.isNaN(gdal.values()[i]))) {
                    differences.add("(" + i % gdal.width() + ", " + i / gdal.width() + "): " + values[i]
                            + " here, GDAL " + gdal.values()[i]);
                }
            }
            if (!differences.isEmpty()) {
                fail(where + ": " + differences.size() + " pixels differ, e.g. "
                        + differences.subList(0, Math.min(10, differences.size())));
            }
        }
    }
}
