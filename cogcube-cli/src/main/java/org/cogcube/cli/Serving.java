package org.cogcube.cli;

import org.cogcube.server.CubeServer;

/** Keeping a started server up until Ctrl+C (a shutdown hook) or an interrupt, and always closing it. */
final class Serving {
    private Serving() {
    }

    /** Runs {@code started} (what to tell the user), then serves until stopped; closes the server in any case. */
    static void untilStopped(CubeServer server, String name, Runnable started) {
        Thread stopper = new Thread(server::close, "cogcube-" + name + "-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        boolean interrupted = false;
        try {
            started.run();
            server.awaitClose();
        } catch (InterruptedException stopAsked) {
            interrupted = true; // stopping is what an interrupt asks: a clean exit, once the server is closed
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what stopped the server
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
