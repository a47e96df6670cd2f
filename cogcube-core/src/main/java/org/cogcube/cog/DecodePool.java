package org.cogcube.cog;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cogcube.io.DaemonThreads;

/** The threads that decode and encode chunks: one per core, daemons, shared by every reader and writer. */
final class DecodePool {
    private DecodePool() {
    }

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(THREADS,
            DaemonThreads.named("cogcube-codec-"));
}
