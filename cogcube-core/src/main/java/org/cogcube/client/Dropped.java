package org.cogcube.client;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A band at a date that a query did not keep, and why.
 *
 * @param band the band's name
 * @param date the date
 * @param reason why it was dropped
 */
public record Dropped(String band, LocalDate date, Reason reason) {

    /** Why a band at a date is not in the result. */
    public enum Reason {
        /** The cloud layer has no clear value in the cut (every value is above the threshold). */
        CLOUDY,
        /** After masking, every value of the cut is NaN. */
        NO_DATA,
        /** The catalogue lists no file for the band, or for the cloud layer, at that date. */
        MISSING
    }

    public Dropped {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }
}
