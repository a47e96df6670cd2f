package org.cogcube.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;

/**
 * Which files a query reads, date by date: the first step of a query, pure arithmetic on the
 * catalogue. Checks the query against the cube: every band and the cloud layer must be layers of
 * it ({@link org.cogcube.UnknownLayerException} listing its layers), and the dates must be its
 * ({@link NoDatesException}). A band without a file at a date is dropped there as
 * {@link Dropped.Reason#MISSING}; so is every band of a date without a cloud file when the query
 * masks clouds.
 *
 * @param dates the dates to read, in order, each with at least one band
 * @param missing the band-dates dropped for want of a file
 */
record Plan(List<DateFiles> dates, List<Dropped> missing) {

    /**
     * The files of one date.
     *
     * @param date the date
     * @param bands the band files, in the query's band order
     * @param cloud the cloud layer's file, when the query masks clouds
     */
    record DateFiles(LocalDate date, Map<String, Asset> bands, Optional<Asset> cloud) {
        DateFiles {
            bands = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bands));
        }

        /** How many files this date reads. */
        int fileCount() {
            return bands.size() + (cloud.isPresent() ? 1 : 0);
        }
    }

    Plan {
        dates = List.copyOf(dates);
        missing = List.copyOf(missing);
    }

    static Plan of(Catalog catalog, Query query) {
        for (String band : query.bands()) {
            catalog.layer(band);
        }
        query.cloudMask().ifPresent(mask -> catalog.layer(mask.layer()));
        List<DateFiles> dates = new ArrayList<>();
        List<Dropped> missing = new ArrayList<>();
        for (Acquisition a : acquisitions(catalog, query.dates())) {
            Optional<Asset> cloud = query.cloudMask().flatMap(mask -> a.asset(mask.layer()));
            boolean cloudMissing = query.cloudMask().isPresent() && cloud.isEmpty();
            Map<String, Asset> bands = new LinkedHashMap<>();
            for (String band : query.bands()) {
                Optional<Asset> asset = a.asset(band);
                if (asset.isEmpty() || cloudMissing) {
                    missing.add(new Dropped(band, a.date(), Dropped.Reason.MISSING));
                } else {
                    bands.put(band, asset.get());
                }
            }
            if (!bands.isEmpty()) {
                dates.add(new DateFiles(a.date(), bands, cloud));
            }
        }
        return new Plan(dates, missing);
    }

    /** How many files the query reads. */
    int fileCount() {
        return dates.stream().mapToInt(DateFiles::fileCount).sum();
    }

    private static List<Acquisition> acquisitions(Catalog catalog, Dates dates) {
        List<LocalDate> all = catalog.dates();
        String range = all.isEmpty() ? "it has no dates" : "it has " + all.size() + " from " + all.get(0) + " to "
                + all.get(all.size() - 1);
        if (dates instanceof Dates.Range r) {
            List<Acquisition> found = catalog.between(r.first(), r.last());
            if (found.isEmpty()) {
                throw new NoDatesException("no date of the cube lies from " + r.first() + " to " + r.last() + " ("
                        + range + ")");
            }
            return found;
        }
        if (dates instanceof Dates.Listed l) {
            List<Acquisition> found = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            for (LocalDate d : l.dates()) {
                catalog.acquisition(d).ifPresentOrElse(found::add, () -> absent.add(d.toString()));
            }
            if (!absent.isEmpty()) {
                throw new NoDatesException("the cube has no acquisition on " + String.join(", ", absent) + " ("
                        + range + ")");
            }
            return found;
        }
        if (all.isEmpty()) {
            throw new NoDatesException("the cube has no dates");
        }
        return catalog.acquisitions();
    }
}
