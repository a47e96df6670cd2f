package org.cogcube.io;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The shared threads that compute between reads (cutting, masking, assembling a date, preparing
 * the JSON parser or a projection ahead): a fork-join pool of one thread per core, daemons.
 *
 * <p>Not the JVM's common pool: with fewer than three cores its parallelism is 1, and
 * {@code CompletableFuture}'s {@code *Async} methods, when given that pool, run each task on a new
 * thread instead (a 50-date extraction from {@code cogcube serve} started 150 of them on two
 * cores, about 50 ms of its 0.9 s). A fork-join pool keeps a worker that waits on a future from
 * starving the others: it adds a thread while one is blocked.
 */
public final class ComputeThreads {
    private ComputeThreads() {
    }

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                pool -> {
                    ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    t.setName("cogcube-compute-" + t.getPoolIndex());
                    t.setDaemon(true);
                    return t;
                }, null, false);
    }

    /** The pool; its threads are daemons and live as long as the JVM. */
    public static ExecutorService executor() {
        return Holder.POOL;
    }
}
