package org.cogcube.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The file versions kept open between responses, so that a file asked for again and again (a COG
 * read tile by tile) costs one {@code stat} per response instead of an open, two {@code stat}s,
 * an {@code fstat} and a close.
 *
 * <p>A kept version is used only while the path still names it: each response looks the path up
 * and compares the identity, size and modification time with the kept version's; a replaced file
 * differs, and is opened anew (the old channel closes after its last response). A version no
 * response used during one sweep interval is closed, so that a file deleted or replaced and no
 * longer asked for does not hold its disk space for longer than two intervals. At most
 * {@code capacity} versions are kept; beyond, responses open and close their own as before.
 */
final class OpenFiles extends AbstractLifeCycle {
    static final long SWEEP_SECONDS = 10;

    /** A kept version: the cache's own reference, and whether a response used it since the last sweep. */
    private static final class Kept {
        final FileVersion version;
        volatile boolean used = true;

        Kept(FileVersion version) {
            this.version = version;
        }
    }

    private final ConcurrentHashMap<Path, Kept> kept = new ConcurrentHashMap<>();
    private final Scheduler scheduler;
    private final int capacity;
    private volatile Scheduler.Task sweep;

    OpenFiles(Scheduler scheduler, int capacity) {
        this.scheduler = scheduler;
        this.capacity = capacity;
    }

    /**
     * A reference to the version of the file at {@code path} (a real path) that {@code now} (its
     * look-up just made) describes, or to a version opened just now if that one is not kept; the
     * caller closes it.
     */
    FileVersion open(Path path, FileVersion.Identity now) throws IOException {
        Kept k = kept.get(path);
        if (k != null && k.version.identity.equals(now)) {
            FileVersion shared = k.version.share();
            if (shared != null) {
                k.used = true;
                return shared;
            }
        }
        FileVersion opened = FileVersion.open(path, now);
        if (isRunning() && (k != null || kept.size() < capacity)) {
            FileVersion forCache = opened.share();
            Kept replaced = kept.put(path, new Kept(forCache));
            if (replaced != null) {
                replaced.version.close();
            }
        }
        return opened;
    }

    /** How many versions are kept open now. */
    int size() {
        return kept.size();
    }

    @Override
    protected void doStart() {
        schedule();
    }

    private void schedule() {
        sweep = scheduler.schedule(() -> {
            sweep();
            if (isRunning()) {
                schedule();
            }
        }, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Closes the versions no response used since the previous sweep. */
    void sweep() {
        kept.forEach((path, k) -> {
            if (k.used) {
                k.used = false;
            } else if (kept.remove(path, k)) {
                k.version.close();
            }
        });
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = sweep;
        if (task != null) {
            task.cancel();
        }
        kept.forEach((path, k) -> {
            if (kept.remove(path, k)) {
                k.version.close();
            }
        });
    }
}
