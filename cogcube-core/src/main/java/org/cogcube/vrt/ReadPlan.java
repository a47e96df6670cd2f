package org.cogcube.vrt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cogcube.raster.Window;

/**
 * Which sources a window read touches, before anything is opened: for each band read, its
 * sources in painting order whose DstRect meets the window (a source without DstRect covers the
 * source raster's extent, unknown until it is opened, so it is kept). Pure arithmetic.
 *
 * @param window the VRT window read
 * @param jobs the touched sources, band by band, each band's in painting order
 */
record ReadPlan(Window window, List<Job> jobs) {

    /**
     * One source to paint into one band of the result.
     *
     * @param output index of the band in the result
     * @param band index of the VRT band, 0-based
     * @param index index of the source in the band, 0-based (its painting order)
     * @param source the source
     * @param where the VRT, band and source, for messages
     */
    record Job(int output, int band, int index, Source source, String where) {
    }

    static ReadPlan of(VrtDocument doc, Window window, int[] bands) {
        List<Job> jobs = new ArrayList<>();
        for (int o = 0; o < bands.length; o++) {
            List<Source> sources = doc.bands().get(bands[o]).sources();
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                boolean touched = !s.paintsNothing() && s.dstRect().map(r -> r.overlaps(window.column(), window.row(), window.endColumn(),
                        window.endRow())).orElse(true);
                if (touched) {
                    jobs.add(new Job(o, bands[o], i, s, "source " + (i + 1) + " (" + s.location() + ") of band "
                            + (bands[o] + 1) + " of " + doc.location()));
                }
            }
        }
        return new ReadPlan(window, jobs);
    }

    /** The touched sources grouped by source raster location, each location once, in first-use order. */
    Map<String, List<Job>> byLocation() {
        Map<String, List<Job>> out = new LinkedHashMap<>();
        for (Job j : jobs) {
            out.computeIfAbsent(Locations.normalize(j.source().location()), k -> new ArrayList<>()).add(j);
        }
        return out;
    }
}
