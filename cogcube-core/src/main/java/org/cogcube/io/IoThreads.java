package org.cogcube.io;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The shared threads that run blocking file reads, so callers only ever see futures. */
final class IoThreads {
    private IoThreads() {
    }

    private static final class Holder {
        static final ExecutorService FILES = Executors.newFixedThreadPool(
                Math.max(4, Math.min(32, 2 * Runtime.getRuntime().availableProcessors())),
                DaemonThreads.named("cogcube-file-read-"));
    }

    /** The executor for positional file reads; its threads are daemons and live as long as the JVM. */
    static ExecutorService files() {
        return Holder.FILES;
    }

}
