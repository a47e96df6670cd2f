package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stops reading once {@code stop} completes (a query cancelled, timed out or failed): a call made
 * after fails at once with a {@link CancellationException} and sends nothing; a call in flight is
 * abandoned, its future failing at once and the inner one cancelled (so a retry waiting for its
 * turn is not sent).
 */
public final class StoppableRangeReader extends ForwardingRangeReader {
    private final CompletableFuture<?> stop;
    /** The calls in flight: the future given to the caller, and the inner one with what it reads. */
    private final Map<CompletableFuture<?>, Call> inFlight = new ConcurrentHashMap<>();

    private record Call(CompletableFuture<?> running, String what) {
    }

    public StoppableRangeReader(RangeReader inner, CompletableFuture<?> stop) {
        super(inner);
        this.stop = stop;
        // One listener per reader, not per call: the signal must not hold every buffer a query read.
        stop.whenComplete((v, f) -> abandonAll());
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        return unlessStopped(() -> inner.read(ranges), ranges.toString());
    }

    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        List<CompletableFuture<ByteBuffer>> each = new ArrayList<>(ranges.size());
        if (stop.isDone()) {
            for (ByteRange range : ranges) {
                each.add(CompletableFuture.failedFuture(stopped(range.toString(), "was asked")));
            }
            return each;
        }
        List<CompletableFuture<ByteBuffer>> running = inner.readEach(ranges);
        for (int i = 0; i < ranges.size(); i++) {
            each.add(track(running.get(i), ranges.get(i).toString()));
        }
        if (stop.isDone()) {
            abandonAll(); // the signal came while the call was being made
        }
        return each;
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
        CompletableFuture<T> result = track(call.get(), what);
        if (stop.isDone()) {
            abandonAll(); // the signal came while the call was being made
        }
        return result;
    }

    /** The future given to the caller for {@code running}, abandoned when reading stops. */
    private <T> CompletableFuture<T> track(CompletableFuture<T> running, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        inFlight.put(result, new Call(running, what));
        running.whenComplete((value, failure) -> {
            inFlight.remove(result);
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private void abandonAll() {
        inFlight.forEach((result, call) -> {
            inFlight.remove(result);
            if (result.completeExceptionally(stopped(call.what(), "was in flight"))) {
                call.running().cancel(true);
            }
        });
    }

    private CancellationException stopped(String what, String when) {
        return new CancellationException("stopped reading " + location() + ": the read of " + what + " " + when
                + " when the query was cancelled, timed out or failed");
    }
}
