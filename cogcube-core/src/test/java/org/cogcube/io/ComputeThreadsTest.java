package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ComputeThreadsTest {
    @Test
    void asyncTasksRunOnAtMostOneDaemonThreadPerCore() {
        List<CompletableFuture<Thread>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tasks.add(CompletableFuture.supplyAsync(Thread::currentThread, ComputeThreads.executor()));
        }
        Set<Thread> threads = new HashSet<>();
        tasks.forEach(t -> threads.add(t.join()));
        assertTrue(threads.size() <= Runtime.getRuntime().availableProcessors(),
                "200 tasks ran on " + threads.size() + " threads");
        for (Thread t : threads) {
            assertTrue(t.getName().startsWith("cogcube-compute-"), t.getName());
            assertTrue(t.isDaemon(), t.getName());
        }
    }

    @Test
    void aTaskWaitingOnAnotherDoesNotStarveThePool() {
        int cores = Runtime.getRuntime().availableProcessors();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> {
                gate.join();
                return 1;
            }, ComputeThreads.executor()));
        }
        // Every worker may be blocked on the gate; the task that opens it must still run.
        CompletableFuture.runAsync(() -> gate.complete(null), ComputeThreads.executor());
        assertEquals(cores, waiting.stream().mapToInt(CompletableFuture::join).sum());
    }
}
