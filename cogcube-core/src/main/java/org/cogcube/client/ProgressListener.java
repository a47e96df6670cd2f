package org.cogcube.client;

/**
 * Told how far a query has come: after each file of a layer at a date is read, how many of the
 * query's files are read and how many there are. Called from the threads that read; must be
 * quick and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Tells nothing to nobody. */
    ProgressListener NONE = (done, total) -> { };

    void filesRead(int done, int total);
}
