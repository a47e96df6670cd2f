package org.cogcube.cog;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cogcube.io.DaemonThreads;

/**
 * The threads that encode the tiles of a COG being written: one per core, daemons, shared by
 * every writer. They are not {@link DecodePool}'s threads because a writer reads its source
 * through those: a strip read queued behind a batch of tiles would wait until every tile was
 * encoded, and the cores would then idle while the writer tiled and downsampled the strip.
 */
final class EncodePool {
    private EncodePool() {
    }

    static final int THREADS = DecodePool.THREADS;

    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(THREADS,
            DaemonThreads.named("cogcube-encode-"));
}
