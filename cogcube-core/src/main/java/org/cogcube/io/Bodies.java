package org.cogcube.io;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Response body subscribers that never hold more than they were told to expect. */
final class Bodies {
    private Bodies() {
    }

    /**
     * Collects a body of exactly {@code expected} bytes. A longer body fails; a shorter one, or one
     * cut by a broken connection, fails with an {@link EOFException} saying how much arrived.
     */
    static BodySubscriber<byte[]> exactly(int expected) {
        return new Collector(expected);
    }

    /**
     * Collects a body of unknown length up to {@code max} bytes. A longer body fails with an
     * {@link IOException} when {@code failIfLonger}, else is cut at {@code max} (enough of an error
     * page to quote).
     */
    static BodySubscriber<byte[]> upTo(int max, boolean failIfLonger) {
        return new Bounded(max, failIfLonger);
    }

    /** Does not read the body: the answer's status and headers are all that is needed. */
    static BodySubscriber<byte[]> ignored() {
        return new Ignoring();
    }

    private static final class Collector implements org.cogcube.io.http1.ArrayBodySubscriber<byte[]> {
        private final byte[] data;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private int filled;

        Collector(int expected) {
            this.data = new byte[expected];
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if (n > data.length - filled) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("expected a body of " + data.length
                            + " bytes, found a longer one"));
                    return;
                }
                item.get(data, filled, n);
                filled += n;
            }
        }

        @Override
        public void onError(Throwable failure) {
            EOFException cut = new EOFException("expected " + data.length + " bytes, received " + filled
                    + " before the body failed: " + failure);
            cut.initCause(failure);
            result.completeExceptionally(cut);
        }

        @Override
        public byte[] array() {
            return data;
        }

        @Override
        public int filled() {
            return filled;
        }

        @Override
        public void advance(int n) {
            filled += n;
        }

        @Override
        public void onComplete() {
            if (filled < data.length) {
                result.completeExceptionally(new EOFException("expected " + data.length + " bytes, received "
                        + filled));
            } else {
                result.complete(data);
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }

    private static final class Ignoring implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
            result.complete(null);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
        }

        @Override
        public void onError(Throwable failure) {
            result.complete(null);
        }

        @Override
        public void onComplete() {
            result.complete(null);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }

    private static final class Bounded implements BodySubscriber<byte[]> {
        private final int max;
        private final boolean failIfLonger;
        private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(int max, boolean failIfLonger) {
            this.max = max;
            this.failIfLonger = failIfLonger;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = Math.min(item.remaining(), max - data.size());
                if (n < item.remaining() && failIfLonger) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("expected a body of at most " + max
                            + " bytes, found a longer one"));
                    return;
                }
                byte[] chunk = new byte[n];
                item.get(chunk);
                data.write(chunk, 0, n);
                if (data.size() == max && !failIfLonger) {
                    subscription.cancel();
                    result.complete(data.toByteArray());
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            EOFException cut = new EOFException("received " + data.size() + " bytes before the body failed: "
                    + failure);
            cut.initCause(failure);
            result.completeExceptionally(cut);
        }

        @Override
        public void onComplete() {
            result.complete(data.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
