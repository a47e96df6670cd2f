package org.cogcube.tiff.codec;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few idle instances of an expensive object (a zlib stream, a zstd context) kept for reuse
 * by whichever thread needs one next. Holds at most {@code capacity} idle instances and disposes
 * of the rest, so native memory does not grow with the number of threads that ever ran.
 */
final class Pool<T> {
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Supplier<T> factory;
    private final Consumer<T> disposer;
    private final int capacity;

    Pool(Supplier<T> factory, Consumer<T> disposer, int capacity) {
        this.factory = factory;
        this.disposer = disposer;
        this.capacity = capacity;
    }

    /** A pool holding up to twice as many idle instances as there are processors. */
    static <T> Pool<T> perProcessor(Supplier<T> factory, Consumer<T> disposer) {
        return new Pool<>(factory, disposer, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** An idle instance, or a new one. Give it back with {@link #release} when done, also on failure. */
    T take() {
        T t = idle.poll();
        if (t == null) {
            return factory.get();
        }
        idleCount.decrementAndGet();
        return t;
    }

    /** Returns an instance that is ready for its next use. */
    void release(T t) {
        if (idleCount.incrementAndGet() <= capacity) {
            idle.offer(t);
        } else {
            idleCount.decrementAndGet();
            disposer.accept(t);
        }
    }
}
