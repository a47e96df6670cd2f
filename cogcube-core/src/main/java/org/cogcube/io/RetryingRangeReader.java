package org.cogcube.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.cogcube.SourceChangedException;
import org.cogcube.SourceException;

/**
 * Retries the failures that may pass: HTTP 408, 429 and 5xx, I/O errors (connection resets,
 * timeouts, truncated bodies). Each range is retried on its own, with exponential backoff and full
 * jitter (see {@link RetryPolicy}). Other failures, {@link SourceChangedException} first, are final
 * at once. When the attempts run out, the failure names the location, range, status and the number
 * of attempts.
 */
public final class RetryingRangeReader extends ForwardingRangeReader {
    /** When to run a task: after a delay (tests record the delays instead of waiting). */
    interface Delays {
        Executor after(Duration delay);
    }

    private final RetryPolicy policy;
    private final Delays delays;
    private final DoubleSupplier random;

    public RetryingRangeReader(RangeReader inner, RetryPolicy policy) {
        this(inner, policy, delay -> CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryingRangeReader(RangeReader inner, RetryPolicy policy, Delays delays, DoubleSupplier random) {
        super(inner);
        this.policy = policy;
        this.delays = delays;
        this.random = random;
    }


    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        if (ranges.size() <= 1) {
            return withRetries(() -> inner.read(ranges));
        }
        return Ranges.all(readEach(ranges));
    }

    /** Each range is retried on its own, and completes when it is read. */
    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        List<CompletableFuture<ByteBuffer>> reads = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            reads.add(withRetries(() -> inner.read(List.of(range))).thenApply(buffers -> buffers.get(0)));
        }
        return reads;
    }

    @Override
    public CompletableFuture<Long> size() {
        return withRetries(inner::size);
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        return withRetries(inner::version);
    }


    @Override
    public String toString() {
        return "Retrying[" + policy.maxAttempts() + " attempts](" + inner + ")";
    }

    private <T> CompletableFuture<T> withRetries(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(operation, 1, result);
        return result;
    }

    private <T> void attempt(Supplier<CompletableFuture<T>> operation, int attempt, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // cancelled by the caller while waiting to retry: send nothing more
        }
        CompletableFuture<T> running;
        try {
            running = operation.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        running.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = Ranges.unwrap(failure);
            if (!isRetryable(cause)) {
                result.completeExceptionally(attempt == 1 || cause instanceof SourceChangedException
                        || !(cause instanceof SourceException e) ? cause : gaveUp(e, attempt, ""));
                return;
            }
            SourceException e = (SourceException) cause;
            if (attempt >= policy.maxAttempts()) {
                result.completeExceptionally(gaveUp(e, attempt, ""));
                return;
            }
            Duration asked = e instanceof HttpStatusException status ? status.retryAfter().orElse(null) : null;
            if (asked != null && asked.compareTo(policy.maxDelay()) > 0) {
                result.completeExceptionally(gaveUp(e, attempt, "; the server asked to wait "
                        + asked.toMillis() + " ms, longer than the " + policy.maxDelay().toMillis()
                        + " ms allowed"));
                return;
            }
            Duration wait = policy.waitAfter(attempt, random.getAsDouble(), asked);
            delays.after(wait).execute(() -> attempt(operation, attempt + 1, result));
        });
    }

    /** Whether {@code failure} may pass on a later attempt. */
    static boolean isRetryable(Throwable failure) {
        if (!(failure instanceof SourceException e) || failure instanceof SourceChangedException) {
            return false;
        }
        if (RetryPolicy.retryableStatus(e.status().orElse(-1))) {
            return true;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof HttpRangeReader.HandshakeRefused) {
                return false;
            }
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static SourceException gaveUp(SourceException last, int attempts, String why) {
        return new SourceException(last.location(), last.range(), last.status().orElse(-1), "failed after "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + why + "; last failure: " + detail(last), last);
    }

    /** The message of {@code e} without the location, range and status that the new failure repeats. */
    private static String detail(SourceException e) {
        String prefix = e.location() + (e.range() == null ? "" : " [" + e.range() + "]")
                + (e.status().isPresent() ? ": HTTP " + e.status().getAsInt() : "") + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
