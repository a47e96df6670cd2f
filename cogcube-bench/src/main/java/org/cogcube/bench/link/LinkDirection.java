package org.cogcube.bench.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of the emulated link: a serialiser at a fixed rate followed by a fixed
 * propagation delay, shared by every connection. Thread-safe.
 */
final class LinkDirection {

    private final double nanosPerByte;
    private final long delayNanos;
    private final AtomicLong bytes = new AtomicLong();
    private long freeAt; // when the last segment scheduled has left the serialiser

    /**
     * @param bitsPerSecond the rate; 0 for no limit
     * @param delayNanos the one-way propagation delay
     */
    LinkDirection(long bitsPerSecond, long delayNanos) {
        if (bitsPerSecond < 0 || delayNanos < 0) {
            throw new IllegalArgumentException("expected a rate and a delay >= 0, found " + bitsPerSecond
                    + " bit/s and " + delayNanos + " ns");
        }
        this.nanosPerByte = bitsPerSecond == 0 ? 0 : 8e9 / bitsPerSecond;
        this.delayNanos = delayNanos;
    }

    /**
     * Schedules a segment of {@code length} bytes handed to the link at {@code now} (no earlier
     * than {@code notBefore}) and returns when it arrives at the far end, in
     * {@link System#nanoTime()} terms. A segment of 0 bytes is an end of stream: it takes the
     * delay only, behind the segments ahead of it.
     */
    synchronized long schedule(int length, long now, long notBefore) {
        long start = Math.max(Math.max(now, notBefore), freeAt);
        freeAt = start + (long) Math.ceil(length * nanosPerByte);
        bytes.addAndGet(length);
        return freeAt + delayNanos;
    }

    long delayNanos() {
        return delayNanos;
    }

    /** Bytes handed to this direction so far. */
    long bytes() {
        return bytes.get();
    }
}
