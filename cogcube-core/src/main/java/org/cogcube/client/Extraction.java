package org.cogcube.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cogcube.expression.NamedExpression;

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

    /** A band's cuts and dropped dates as a {@link Series}. */
    public Series series(String band) {
        return new Series(band, band(band), dropped.stream().filter(d -> d.band().equals(band)).toList());
    }

    /**
     * Computes a variable from the bands, date by date, e.g. {@code evaluate("NDVI", "(B08-B04)/(B08+B04)")}:
     * at each date where every band the expression reads was kept, a float32 cut of the variable on
     * their common cut grid, NaN where any of them is NaN, where it divides by zero, or where the
     * result is too large for float32 (arithmetic in double precision, as {@code ingest --derive}
     * does it). A date where one of its bands was dropped is dropped for the variable with that
     * band's reason; a date whose result is all NaN is dropped as {@link Dropped.Reason#NO_DATA}.
     *
     * @throws IllegalArgumentException if the expression does not parse or reads a band the query
     *     did not ask for
     * @throws org.cogcube.UnsupportedFeatureException if two of its bands are cut to different
     *     grids at a date (bands of different resolutions)
     */
    public Series evaluate(String name, String expression) {
        return evaluate(NamedExpression.of(name, expression));
    }

    /** Computes a variable from the bands, date by date: see {@link #evaluate(String, String)}. */
    public Series evaluate(NamedExpression variable) {
        return BandMath.evaluate(this, variable);
    }
}
