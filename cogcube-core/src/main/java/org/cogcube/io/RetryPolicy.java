package org.cogcube.io;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RetryingRangeReader} retries: up to {@code maxAttempts} attempts in all, waiting
 * before attempt {@code n + 1} a random time between zero and {@code min(maxDelay, baseDelay * 2^(n-1))}
 * ("full jitter"), or what the server's {@code Retry-After} asks when that is longer. A server
 * asking to wait longer than {@code maxDelay} is not waited for: the read fails at once.
 *
 * @param maxAttempts attempts in all, the first included (1 means no retry)
 * @param baseDelay the ceiling of the first wait
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("expected maxAttempts >= 1, found " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= baseDelay <= maxDelay, found " + baseDelay
                    + " and " + maxDelay);
        }
    }

    /** 4 attempts, waits from up to 200 ms growing to at most 10 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    /** One attempt: failures are final. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** Whether an answer of this HTTP status may pass on a later attempt: 408, 429 and 5xx. */
    static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * The wait before attempt {@code attempt + 1}: {@code random} (in [0, 1)) times
     * {@link #ceilingAfter}, or what the server asked when that is longer ({@code asked} null when
     * it asked nothing; the caller has refused a wait longer than {@code maxDelay}).
     */
    Duration waitAfter(int attempt, double random, Duration asked) {
        Duration wait = Duration.ofNanos((long) (random * ceilingAfter(attempt).toNanos()));
        return asked != null && asked.compareTo(wait) > 0 ? asked : wait;
    }

    /** The ceiling of the wait before attempt {@code attempt + 1}, after {@code attempt} failed. */
    Duration ceilingAfter(int attempt) {
        int doublings = Math.min(attempt - 1, 30);
        Duration ceiling = baseDelay.multipliedBy(1L << doublings);
        return ceiling.compareTo(maxDelay) > 0 || ceiling.isNegative() ? maxDelay : ceiling;
    }
}
