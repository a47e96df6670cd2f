package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cogcube.SourceChangedException;
import org.cogcube.SourceException;
import org.junit.jupiter.api.Test;

/** The contract through retries over the faulty reader (which fails each call twice), and the retry rules. */
class RetryingRangeReaderTest extends RangeReaderContractTest {
    static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5));

    @Override
    protected RangeReader create(byte[] content) {
        return new RetryingRangeReader(new FaultyRangeReader(new MemoryRangeReader("memory:retried", content), 2, 42),
                QUICK);
    }

    /** A reader failing with the given failures in turn, then reading {@code content}. */
    private static final class Scripted implements RangeReader {
        private final List<Supplier<SourceException>> failures;
        private final MemoryRangeReader content = new MemoryRangeReader("https://example.test/a.tif", bytes(100, 1));
        final AtomicInteger attempts = new AtomicInteger();

        @SafeVarargs
        @SuppressWarnings("varargs") // the array is only copied
        Scripted(Supplier<SourceException>... failures) {
            this.failures = List.of(failures);
        }

        @Override
        public String location() {
            return content.location();
        }

        @Override
        public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
            int n = attempts.getAndIncrement();
            return n < failures.size() ? CompletableFuture.failedFuture(failures.get(n).get()) : content.read(ranges);
        }

        @Override
        public CompletableFuture<Long> size() {
            return content.size();
        }
    }

    private final List<Duration> waits = new ArrayList<>();

    private RetryingRangeReader retrying(RangeReader inner, RetryPolicy policy) {
        return new RetryingRangeReader(inner, policy, wait -> {
            synchronized (waits) {
                waits.add(wait);
            }
            return Runnable::run;
        }, () -> 0.5);
    }

    private static SourceException status(int status) {
        return new HttpStatusException("https://example.test/a.tif", "bytes 0-9", status, "expected 206, found " + status, null);
    }

    private static SourceException io(IOException cause) {
        return new SourceException("https://example.test/a.tif", "bytes 0-9", "request failed: " + cause, cause);
    }

    @Test
    void absorbsTransientFailures() throws Exception {
        Scripted inner = new Scripted(() -> status(503), () -> status(429), () -> io(new EOFException("short")));
        ByteBuffer b = await(retrying(inner, QUICK).read(ByteRange.of(0, 10)));
        assertEquals(10, b.remaining());
        assertEquals(4, inner.attempts.get());
    }

    @Test
    void waitsWithExponentialBackoffAndFullJitter() throws Exception {
        Scripted inner = new Scripted(() -> status(500), () -> status(502), () -> status(504));
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300));
        await(retrying(inner, policy).read(ByteRange.of(0, 10)));
        // the random draw is fixed at one half of each ceiling: 100, 200, then 300 (capped) ms
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150)), waits);
    }

    @Test
    void honoursRetryAfter() throws Exception {
        Scripted inner = new Scripted(() -> new HttpStatusException("https://example.test/a.tif", "bytes 0-9", 429,
                "expected 206, found 429", Duration.ofSeconds(2)));
        await(retrying(inner, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(5))).read(ByteRange.of(0, 10)));
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void doesNotWaitLongerThanAllowed() {
        Scripted inner = new Scripted(() -> new HttpStatusException("https://example.test/a.tif", "bytes 0-9", 503,
                "expected 206, found 503", Duration.ofHours(1)));
        SourceException e = failure(retrying(inner, QUICK).read(ByteRange.of(0, 10)));
        assertTrue(e.getMessage().contains("asked to wait 3600000 ms"), e.getMessage());
        assertEquals(1, inner.attempts.get());
    }

    @Test
    void givesUpNamingLocationRangeStatusAndAttempts() {
        Scripted inner = new Scripted(() -> status(503), () -> status(503), () -> status(503), () -> status(503));
        SourceException e = failure(retrying(inner, QUICK).read(ByteRange.of(0, 10)));
        assertEquals(4, inner.attempts.get());
        assertEquals(503, e.status().orElseThrow());
        assertEquals("bytes 0-9", e.range());
        assertTrue(e.getMessage().startsWith("https://example.test/a.tif [bytes 0-9]: HTTP 503: failed after 4 attempts"),
                e.getMessage());
    }

    @Test
    void sendsNoRetryOnceTheCallerCancelled() {
        Scripted inner = new Scripted(() -> status(503), () -> status(503));
        List<Runnable> pending = new ArrayList<>();
        RangeReader reader = new RetryingRangeReader(inner, QUICK, wait -> pending::add, () -> 0.5);
        CompletableFuture<List<ByteBuffer>> read = reader.read(List.of(ByteRange.of(0, 10)));
        assertEquals(1, pending.size(), "a retry waits its turn");
        read.cancel(true);
        List.copyOf(pending).forEach(Runnable::run);
        assertEquals(1, inner.attempts.get(), "no attempt after the cancel");
    }

    @Test
    void doesNotRetryClientErrors() {
        for (int code : new int[] {400, 403, 404, 410, 416}) {
            Scripted inner = new Scripted(() -> status(code));
            SourceException e = failure(retrying(inner, QUICK).read(ByteRange.of(0, 10)));
            assertEquals(code, e.status().orElseThrow());
            assertEquals(1, inner.attempts.get(), "attempts after " + code);
        }
    }

    @Test
    void doesNotRetryAChangedSource() {
        SourceChangedException changed = new SourceChangedException("https://example.test/a.tif", "ETag \"a\"", "ETag \"b\"");
        Scripted inner = new Scripted(() -> status(503), () -> changed);
        SourceException e = failure(retrying(inner, QUICK).read(ByteRange.of(0, 10)));
        assertSame(changed, e);
        assertEquals(2, inner.attempts.get());
    }

    @Test
    void classifiesFailures() {
        assertTrue(RetryingRangeReader.isRetryable(status(408)));
        assertTrue(RetryingRangeReader.isRetryable(status(429)));
        assertTrue(RetryingRangeReader.isRetryable(status(500)));
        assertTrue(RetryingRangeReader.isRetryable(io(new java.net.http.HttpTimeoutException("timed out"))));
        assertTrue(RetryingRangeReader.isRetryable(io(new java.net.SocketException("Connection reset"))));
        assertFalse(RetryingRangeReader.isRetryable(status(404)));
        assertFalse(RetryingRangeReader.isRetryable(new SourceException("x", "bytes 0-9", 206, "wrong Content-Range", null)));
        assertFalse(RetryingRangeReader.isRetryable(new IllegalStateException("a bug")));
    }

    @Test
    void retriesEachRangeOnItsOwn() throws Exception {
        byte[] content = bytes(10_000, 3);
        CountingRangeReader counting = new CountingRangeReader(new FaultyRangeReader(new MemoryRangeReader("m", content), 1, 7));
        List<ByteRange> ranges = List.of(ByteRange.of(0, 10), ByteRange.of(5000, 10), ByteRange.of(9000, 10));
        assertContents(content, ranges, await(retrying(counting, QUICK).read(ranges)));
        assertEquals(6, counting.calls(), "each range failed once, then passed");
    }

    @Test
    void retriesTheSize() throws Exception {
        RangeReader faulty = new FaultyRangeReader(new MemoryRangeReader("m", bytes(77, 4)), 2, 8);
        assertEquals(77L, await(retrying(faulty, QUICK).size()));
        assertEquals(Optional.of("memory 77"), await(retrying(faulty, QUICK).version()));
    }

    @Test
    void failsAtOnceWithoutRetriesWhenThePolicySaysNone() {
        Scripted inner = new Scripted(() -> status(503));
        SourceException e = failure(retrying(inner, RetryPolicy.none()).read(ByteRange.of(0, 10)));
        assertInstanceOf(SourceException.class, e);
        assertEquals(1, inner.attempts.get());
        assertTrue(e.getMessage().contains("failed after 1 attempt;"), e.getMessage());
    }
}
