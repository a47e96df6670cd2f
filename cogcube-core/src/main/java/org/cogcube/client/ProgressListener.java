package org.cogcube.client;

/**
 * Told how far a query has come: after each file of a layer at a date is read, how many of the
 * query's files are read and how many there are; and each date's cuts as soon as they are made, so
 * that they can be written while later dates are still on their way. Called from the threads that
 * read; must be quick and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Tells nothing to nobody. */
    ProgressListener NONE = (done, total) -> { };

    void filesRead(int done, int total);

    /**
     * A date is done: the cuts kept for it (none when it was dropped), in the order of the query's
     * bands. Called once per date, in no particular order of dates; the query's result holds them
     * too. The default does nothing.
     */
    default void dateDone(java.time.LocalDate date, java.util.List<LayerCut> kept) {
    }
}
