package org.cogcube.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One date of a cube and its files, one per layer (some layers may be missing).
 *
 * <p>An acquisition is keyed by its date. When the time of day is known it is kept as well; the
 * date is then the time's date in UTC. A time of exactly midnight UTC says no more than the date,
 * so it is dropped: {@code time} is empty for it, and STAC's {@code datetime} of a date-only
 * acquisition is that midnight.
 *
 * @param date the acquisition's date (UTC)
 * @param time the acquisition's instant when known, else empty
 * @param assets the files, at most one per layer
 */
public record Acquisition(LocalDate date, Optional<Instant> time, List<Asset> assets) {

    public Acquisition {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        assets = List.copyOf(assets);
        if (time.isPresent()) {
            LocalDate utcDate = LocalDate.ofInstant(time.get(), ZoneOffset.UTC);
            if (!utcDate.equals(date)) {
                throw new IllegalArgumentException("the acquisition of " + date + " has a time on another date (UTC): "
                        + time.get());
            }
            if (time.get().equals(date.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                time = Optional.empty();
            }
        }
        Set<String> seen = new HashSet<>();
        for (Asset a : assets) {
            if (!seen.add(a.layer())) {
                throw new IllegalArgumentException("the acquisition of " + date + " lists layer " + a.layer()
                        + " twice (expected one asset per layer)");
            }
        }
    }

    /** An acquisition known by its date only. */
    public static Acquisition of(LocalDate date, List<Asset> assets) {
        return new Acquisition(date, Optional.empty(), assets);
    }

    /** An acquisition at an instant, keyed by the instant's date in UTC. */
    public static Acquisition at(Instant time, List<Asset> assets) {
        return new Acquisition(LocalDate.ofInstant(time, ZoneOffset.UTC), Optional.of(time), assets);
    }

    /** The asset of a layer, if this date has one. */
    public Optional<Asset> asset(String layer) {
        return assets.stream().filter(a -> a.layer().equals(layer)).findFirst();
    }

    /** The instant STAC's datetime states: the time, or midnight UTC of the date. */
    public Instant instant() {
        return time.orElseGet(() -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
