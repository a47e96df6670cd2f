package org.cogcube.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Lets at most {@code max} asynchronous operations of a query run at once (files open and being
 * read); the others wait in order, holding no thread.
 */
final class Throttle {
    private final int max;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    Throttle(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("expected at least 1 operation at once, found " + max);
        }
        this.max = max;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = operation.get();
            } catch (RuntimeException | Error e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, failure) -> {
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
            ForkJoinPool.commonPool().execute(next); // not here: that could recurse once per waiting operation
        }
    }
}
