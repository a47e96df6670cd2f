package org.cogcube.io.http2;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.cogcube.io.DaemonThreads;

/**
 * The shared threads of the HTTP/2 client, all daemons: one completes callers' futures (so that
 * their callbacks never run on a connection's reader thread), one runs timeouts.
 */
final class H2cThreads {
    private H2cThreads() {
    }

    private static final class Holder {
        static final ExecutorService COMPLETIONS =
                Executors.newCachedThreadPool(DaemonThreads.named("cogcube-h2c-complete-"));
        static final ScheduledExecutorService TIMER = timer();

        private static ScheduledExecutorService timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("cogcube-h2c-timer-"));
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /** Where responses and failures are handed to callers. */
    static ExecutorService completions() {
        return Holder.COMPLETIONS;
    }

    /** Where timeouts and idle checks run; tasks must be short. */
    static ScheduledExecutorService timer() {
        return Holder.TIMER;
    }

}
