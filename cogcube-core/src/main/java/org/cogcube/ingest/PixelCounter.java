package org.cogcube.ingest;

/** Counts the pixels an ingest has written, out of all it will write, for a progress bar. */
final class PixelCounter {
    private final long total;
    private final Ingest.Progress listener;
    private long done;

    PixelCounter(long total, Ingest.Progress listener) {
        this.total = total;
        this.listener = listener;
    }

    long done() {
        return done;
    }

    void at(long pixels) {
        done = pixels;
        listener.pixels(Math.min(done, total), total);
    }
}
