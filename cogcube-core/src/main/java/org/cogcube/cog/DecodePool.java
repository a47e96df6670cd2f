package org.cogcube.cog;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that decode and encode chunks: one per core, daemons, shared by every reader and writer. */
final class DecodePool {
    private DecodePool() {
    }

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final AtomicInteger COUNT = new AtomicInteger();

    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "cogcube-codec-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
}
