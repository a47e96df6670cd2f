package org.cogcube.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a query gave: the cuts kept, in date order then the query's band order, and the band-dates
 * dropped, with their reasons.
 *
 * @param query the query
 * @param cuts the kept cuts
 * @param dropped the band-dates not kept
 */
public record Extraction(Query query, List<LayerCut> cuts, List<Dropped> dropped) {

    public Extraction {
        Objects.requireNonNull(query, "query");
        cuts = List.copyOf(cuts);
        dropped = List.copyOf(dropped);
    }

    /** The cuts of one band, in date order. */
    public List<LayerCut> band(String band) {
        if (!query.bands().contains(band)) {
            throw new IllegalArgumentException("the query has no band '" + band + "' (expected one of "
                    + String.join(", ", query.bands()) + ")");
        }
        return cuts.stream().filter(c -> c.band().equals(band)).toList();
    }

    /** The cut of a band at a date, if kept. */
    public Optional<LayerCut> get(String band, LocalDate date) {
        return cuts.stream().filter(c -> c.band().equals(band) && c.date().equals(date)).findFirst();
    }

    /** The dates at which some band was kept, in order. */
    public List<LocalDate> dates() {
        return cuts.stream().map(LayerCut::date).distinct().toList();
    }
}
