package org.cogcube.io;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets at most {@code max} asynchronous operations run at once; the others wait, in order, without
 * holding a thread. Used per host by the HTTP reader and per query by the client.
 */
public final class AsyncLimiter {
    private static final Map<String, AsyncLimiter> PER_HOST = new ConcurrentHashMap<>();

    private final int max;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    public AsyncLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("expected at least 1 operation at once, found " + max);
        }
        this.max = max;
    }

    /** The limiter shared by every reader of {@code host} allowing {@code max} operations. */
    static AsyncLimiter forHost(String host, int max) {
        return PER_HOST.computeIfAbsent(host + " max " + max, key -> new AsyncLimiter(max));
    }

    /** Starts {@code operation} when a place is free; the result completes as it does. */
    public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> running;
            try {
                running = operation.get();
            } catch (RuntimeException | Error e) {
                running = CompletableFuture.failedFuture(e);
            }
            running.whenComplete((value, failure) -> {
                release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < max;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            // On another thread: starting it here could recurse once per waiting operation.
            ComputeThreads.executor().execute(next);
        }
    }
}
