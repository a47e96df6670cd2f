package org.cogcube.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One variable through time: a band of an extraction, or an expression on its bands
 * ({@link Extraction#evaluate(String, String)}); its cuts kept, in date order, and the dates
 * dropped, with their reasons.
 *
 * @param variable the band's or the expression's name
 * @param cuts the cuts kept, each named {@code variable}
 * @param dropped the dates not kept, each named {@code variable}
 */
public record Series(String variable, List<LayerCut> cuts, List<Dropped> dropped) {

    public Series {
        Objects.requireNonNull(variable, "variable");
        cuts = List.copyOf(cuts);
        dropped = List.copyOf(dropped);
    }

    /** The cut at a date, if kept. */
    public Optional<LayerCut> get(LocalDate date) {
        return cuts.stream().filter(c -> c.date().equals(date)).findFirst();
    }

    /** Why the date was dropped, if it was. */
    public Optional<Dropped.Reason> droppedAt(LocalDate date) {
        return dropped.stream().filter(d -> d.date().equals(date)).map(Dropped::reason).findFirst();
    }
}
