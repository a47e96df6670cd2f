package org.cogcube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time of this process's threads, read from Linux's {@code /proc/self/task} and summed by
 * thread group (a thread's name without its trailing number: {@code cogcube-codec-},
 * {@code cogcube-http1-}, {@code C2 CompilerThre}, {@code GC Thread#}). It counts the JVM's own
 * threads (JIT compilers, garbage collector), which the management beans do not show, and so tells
 * whether a timed phase paid for compiling. Empty where there is no {@code /proc}.
 *
 * @param ticks CPU clock ticks (user + system) of each thread, by thread id
 * @param names the name of each thread, by thread id
 */
record ThreadCpu(Map<String, Long> ticks, Map<String, String> names) {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on every Linux in use). */
    private static final double TICKS_PER_SECOND = 100;

    /** The threads now alive and their CPU time so far. */
    static ThreadCpu now() {
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new ThreadCpu(ticks, names);
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                String id = task.getFileName().toString();
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(id, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime
                    names.put(id, Files.readString(task.resolve("comm")).strip());
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // no threads to report
        }
        return new ThreadCpu(ticks, names);
    }

    /** Milliseconds of CPU per window spent since {@code before}, per thread group, for {@code windows} windows. */
    Map<String, Double> millisPerWindowSince(ThreadCpu before, int windows) {
        Map<String, Double> out = new TreeMap<>();
        ticks.forEach((id, t) -> {
            long spent = t - before.ticks().getOrDefault(id, 0L);
            if (spent > 0) {
                String group = names.getOrDefault(id, "?").replaceAll("[-#]?\\d+$", "");
                out.merge(group, spent * 1000 / TICKS_PER_SECOND / windows, Double::sum);
            }
        });
        return out;
    }
}
