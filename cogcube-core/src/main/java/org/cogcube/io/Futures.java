package org.cogcube.io;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cogcube.CogcubeException;

/** The blocking edge of the async seam: waiting for a future and seeing its failure as thrown. */
public final class Futures {
    private Futures() {
    }

    /**
     * Waits for a future; a failure is rethrown as it was raised (a {@link CogcubeException} or
     * other runtime exception), not wrapped in a {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new CogcubeException(String.valueOf(c), c);
        }
    }
}
