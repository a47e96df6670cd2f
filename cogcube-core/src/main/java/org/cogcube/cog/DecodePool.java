package org.cogcube.cog;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cogcube.io.DaemonThreads;

/**
 * The threads that decode chunks: one per core, daemons, shared by every reader
 * (writers encode on {@link EncodePool}).
 */
final class DecodePool {
    private DecodePool() {
    }

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(THREADS,
            DaemonThreads.named("cogcube-codec-"));
}
