package org.cogcube.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.cogcube.io.RangeReader;

/**
 * The answers a {@link CutService} made lately, each with the version of every file it was made of,
 * so that a request made again costs a look at each file (its version, which a local file gives
 * without reading) rather than reading and decoding its tiles. An answer is given again only when
 * every one of its files still has the version it had; the least recently used answers go first
 * once their bodies exceed the budget. Thread-safe.
 */
final class CutMemo {
    private record Made(CutService.Answer answer, Map<String, String> versions) {
    }

    private final long budget;
    private final LinkedHashMap<String, Made> byKey = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** @param budget the most bytes of answers kept */
    CutMemo(long budget) {
        this.budget = budget;
    }

    /** Keeps an answer made of files at these versions (location to version), unless it is too large. */
    synchronized void put(String key, CutService.Answer answer, Map<String, String> versions) {
        long size = answer.body().length;
        if (size > budget / 8) {
            return;
        }
        Made old = byKey.put(key, new Made(answer, Map.copyOf(versions)));
        bytes += size - (old == null ? 0 : old.answer().body().length);
        var eldest = byKey.entrySet().iterator();
        while (bytes > budget && eldest.hasNext()) {
            bytes -= eldest.next().getValue().answer().body().length;
            eldest.remove();
        }
    }

    private synchronized Optional<Made> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The answer kept for {@code key} when each of its files, opened again, has the version it had. */
    CompletableFuture<Optional<CutService.Answer>> reuse(String key, Function<String, RangeReader> readers) {
        Optional<Made> made = get(key);
        if (made.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        List<CompletableFuture<Boolean>> same = new ArrayList<>();
        for (Map.Entry<String, String> file : made.get().versions().entrySet()) {
            RangeReader reader;
            try {
                reader = readers.apply(file.getKey());
            } catch (RuntimeException gone) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            same.add(reader.version().handle((version, failure) -> {
                reader.close();
                return failure == null && version.isPresent() && version.get().equals(file.getValue());
            }));
        }
        return CompletableFuture.allOf(same.toArray(CompletableFuture[]::new)).thenApply(v ->
                same.stream().allMatch(CompletableFuture::join) ? Optional.of(made.get().answer()) : Optional.empty());
    }
}
