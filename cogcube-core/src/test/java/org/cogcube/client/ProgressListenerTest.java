package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.catalog.Catalogs;
import org.cogcube.region.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query tells its listener of every file read and of every date's cuts as soon as they are made. */
class ProgressListenerTest {
    @TempDir
    Path dir;

    @Test
    void everyDateIsToldOnceWithTheCutsTheResultKeepsForIt() {
        Path cube = dir.resolve("cube");
        TestCubes.cogCube(cube);
        Map<LocalDate, List<LayerCut>> told = new ConcurrentHashMap<>();
        AtomicInteger twice = new AtomicInteger();
        AtomicInteger lastDone = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        Query query = Query.of(Regions.parseWkt("POLYGON ((-2.090 7.195, -2.045 7.195, -2.045 7.234, -2.090 7.234, -2.090 7.195))", org.cogcube.geo.Crs.epsg(4326)), "B04", "B08").withCloudMask("CLD", 20);
        Extraction x = Cube.open(cube.resolve(Catalogs.STAC_FILE).toString()).extractAsync(query,
                new ProgressListener() {
                    @Override
                    public void filesRead(int done, int all) {
                        lastDone.accumulateAndGet(done, Math::max);
                        total.set(all);
                    }

                    @Override
                    public void dateDone(LocalDate date, List<LayerCut> kept) {
                        if (told.put(date, List.copyOf(kept)) != null) {
                            twice.incrementAndGet();
                        }
                    }
                }).join();
        assertEquals(0, twice.get(), "each date once");
        assertEquals(TestCubes.DATES.size(), told.size(), "every date of the cube: " + told.keySet());
        assertEquals(total.get(), lastDone.get(), "every file read");
        Set<String> fromListener = new TreeSet<>();
        told.values().forEach(cuts -> cuts.forEach(c -> fromListener.add(c.band() + " " + c.date())));
        Set<String> fromResult = new TreeSet<>();
        x.cuts().forEach(c -> fromResult.add(c.band() + " " + c.date()));
        assertEquals(fromResult, fromListener);
        assertTrue(x.dropped().stream().allMatch(d -> told.get(d.date()).stream().noneMatch(c -> c.band()
                .equals(d.band()))), "a dropped band is not among its date's cuts");
        assertTrue(!x.dropped().isEmpty() && !x.cuts().isEmpty(), "the cube has cloudy and clear dates");
    }
}
