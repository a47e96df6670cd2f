package org.cogcube.io;

import java.util.Objects;

/**
 * How {@link RangeReaders#open(String, OpenOptions)} builds a reader.
 *
 * @param http how HTTP readers talk to servers
 * @param retry how HTTP reads are retried
 * @param coalesceGap ranges of one call less than this many bytes apart are read as one (HTTP)
 * @param maxCoalescedLength the longest read that merging produces, in bytes (HTTP)
 * @param cache the block cache to read through, shared by the readers given it; {@code null} for none
 */
public record OpenOptions(HttpOptions http, RetryPolicy retry, long coalesceGap, long maxCoalescedLength,
        BlockCache cache) {
    public OpenOptions {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retry, "retry");
        if (coalesceGap < 0 || maxCoalescedLength < 1) {
            throw new IllegalArgumentException("expected coalesceGap >= 0 and maxCoalescedLength >= 1, found "
                    + coalesceGap + " and " + maxCoalescedLength);
        }
    }

    /** Default HTTP options and retries, merging ranges less than 64 KiB apart into reads of up to 8 MiB, no cache. */
    public static OpenOptions defaults() {
        return new OpenOptions(HttpOptions.defaults(), RetryPolicy.defaults(), 64 << 10, 8 << 20, null);
    }

    public OpenOptions withHttp(HttpOptions value) {
        return new OpenOptions(value, retry, coalesceGap, maxCoalescedLength, cache);
    }

    public OpenOptions withRetry(RetryPolicy value) {
        return new OpenOptions(http, value, coalesceGap, maxCoalescedLength, cache);
    }

    public OpenOptions withCoalescing(long gap, long maxLength) {
        return new OpenOptions(http, retry, gap, maxLength, cache);
    }

    /** These options reading through {@code value} ({@code null}: no cache). */
    public OpenOptions withCache(BlockCache value) {
        return new OpenOptions(http, retry, coalesceGap, maxCoalescedLength, value);
    }
}
