package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Stops reading once {@code stop} completes (a query cancelled, timed out or failed): a call made
 * after fails at once with a {@link CancellationException} and sends nothing; a call in flight is
 * abandoned, its future failing at once and the inner one cancelled (so a retry waiting for its
 * turn is not sent).
 */
public final class StoppableRangeReader extends ForwardingRangeReader {
    private final CompletableFuture<?> stop;

    public StoppableRangeReader(RangeReader inner, CompletableFuture<?> stop) {
        super(inner);
        this.stop = stop;
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        return unlessStopped(() -> inner.read(ranges), ranges.toString());
    }

    @Override
    public CompletableFuture<Long> size() {
        return unlessStopped(inner::size, "its size");
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        return unlessStopped(inner::version, "its version");
    }

    private <T> CompletableFuture<T> unlessStopped(Supplier<CompletableFuture<T>> call, String what) {
        if (stop.isDone()) {
            return CompletableFuture.failedFuture(stopped(what, "was asked"));
        }
        CompletableFuture<T> running = call.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        running.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
        stop.whenComplete((v, f) -> {
            if (result.completeExceptionally(stopped(what, "was in flight"))) {
                running.cancel(true);
            }
        });
        return result;
    }

    private CancellationException stopped(String what, String when) {
        return new CancellationException("stopped reading " + location() + ": the read of " + what + " " + when
                + " when the query was cancelled, timed out or failed");
    }
}
