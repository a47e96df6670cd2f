package org.cogcube.cog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cogcube.io.DaemonThreads;

/**
 * Makes a file durable while it is still being written: every {@link #STEP} bytes written, the
 * bytes so far are flushed to the disk on another thread, so that the last {@code force} before
 * the file is renamed into place waits for the last step only instead of the whole file. (A COG
 * is assembled by copying its levels into place, as fast as the page cache takes them; flushing
 * 200 MB afterwards took as long again.)
 */
final class Writeback {
    /** Bytes written between background flushes. */
    static final long STEP = 32L << 20;

    private static final ExecutorService FLUSHER = Executors.newCachedThreadPool(DaemonThreads.named("cogcube-flush-"));

    private final FileChannel channel;
    private CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);
    private long unflushed;

    Writeback(FileChannel channel) {
        this.channel = channel;
    }

    /** Notes {@code bytes} more written; starts a flush if a step's worth waits and none runs. */
    void wrote(long bytes) {
        unflushed += bytes;
        if (unflushed >= STEP && flushing.isDone()) {
            unflushed = 0;
            flushing = CompletableFuture.runAsync(() -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, FLUSHER);
        }
    }

    /** Waits for the background flush, then flushes the rest, metadata included. */
    void finish() throws IOException {
        try {
            flushing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
        channel.force(true);
    }
}
