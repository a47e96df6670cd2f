package org.cogcube.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which dates of a cube a query takes: all of them, those of a range (both ends included), or a
 * list. A range that holds no date of the cube, or a listed date the cube lacks, is refused when
 * the query runs ({@link NoDatesException}).
 */
public sealed interface Dates {

    /** Every date of the cube. */
    record All() implements Dates {
    }

    /** The dates from {@code first} to {@code last}, both included. */
    record Range(LocalDate first, LocalDate last) implements Dates {
        public Range {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (first.isAfter(last)) {
                throw new IllegalArgumentException("expected a first date on or before the last, found " + first
                        + " after " + last);
            }
        }
    }

    /** These dates, each of which the cube must have; sorted, without repeats. */
    record Listed(List<LocalDate> dates) implements Dates {
        public Listed {
            dates = dates.stream().distinct().sorted().toList();
            if (dates.isEmpty()) {
                throw new IllegalArgumentException("expected at least one date, found none");
            }
        }
    }

    static Dates all() {
        return new All();
    }

    static Dates between(LocalDate first, LocalDate last) {
        return new Range(first, last);
    }

    static Dates of(List<LocalDate> dates) {
        return new Listed(dates);
    }
}
