package org.cogcube.io;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.SourceException;

/**
 * A deliberately awkward reader around another: the first attempts at every call fail the way a
 * network does (a 503, a short read), results complete after random small delays (so calls finish
 * out of order) and come back in odd buffers (read-only, direct, slices of larger arrays). It keeps
 * the contract only behind a {@link RetryingRangeReader}; decorators must cope with all of it.
 */
final class FaultyRangeReader implements RangeReader {
    private final RangeReader inner;
    private final int failuresPerCall;
    private final long seed;
    private final Map<Object, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param failuresPerCall how many times each distinct call (the same ranges) fails before it passes
     * @param seed the seed of the delays and buffer shapes
     */
    FaultyRangeReader(RangeReader inner, int failuresPerCall, long seed) {
        this.inner = inner;
        this.failuresPerCall = failuresPerCall;
        this.seed = seed;
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        Random random = new Random(seed + 31L * calls.incrementAndGet());
        int attempt = attempts.computeIfAbsent(List.copyOf(ranges), k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= failuresPerCall) {
            String range = ranges.isEmpty() ? null : ranges.get(0).toString();
            SourceException transient_ = attempt % 2 == 1
                    ? new HttpStatusException(location(), range, 503, "expected 206 Partial Content, found 503", null)
                    : new SourceException(location(), range, "truncated body",
                            new EOFException("expected more bytes, received fewer (short read)"));
            return later(random, CompletableFuture.failedFuture(transient_));
        }
        return later(random, inner.read(ranges).thenApply(buffers -> buffers.stream()
                .map(b -> awkward(b, random)).toList()));
    }

    @Override
    public CompletableFuture<Long> size() {
        int attempt = attempts.computeIfAbsent("size", k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= failuresPerCall) {
            return CompletableFuture.failedFuture(new HttpStatusException(location(), null, 503, "expected 206, found 503", null));
        }
        return inner.size();
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        return inner.version();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** The future completing as {@code f} does, but up to 3 ms later, on another thread. */
    private static <T> CompletableFuture<T> later(Random random, CompletableFuture<T> f) {
        long delayMicros = random.nextInt(3000);
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((value, failure) -> CompletableFuture.delayedExecutor(delayMicros, TimeUnit.MICROSECONDS)
                .execute(() -> {
                    if (failure != null) {
                        out.completeExceptionally(Ranges.unwrap(failure));
                    } else {
                        out.complete(value);
                    }
                }));
        return out;
    }

    /** The same bytes in one of several legal but unusual buffer shapes. */
    private static ByteBuffer awkward(ByteBuffer b, Random random) {
        ByteBuffer source = b.duplicate();
        switch (random.nextInt(4)) {
            case 0:
                return source.asReadOnlyBuffer();
            case 1: {
                ByteBuffer direct = ByteBuffer.allocateDirect(source.remaining());
                direct.put(source).flip();
                return direct;
            }
            case 2: {
                int pad = 1 + random.nextInt(7);
                ByteBuffer padded = ByteBuffer.allocate(source.remaining() + 2 * pad);
                padded.position(pad);
                padded.put(source);
                return padded.flip().position(pad).slice();
            }
            default:
                return source;
        }
    }
}
