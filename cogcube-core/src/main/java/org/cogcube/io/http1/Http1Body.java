package org.cogcube.io.http1;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Hands a response body to a subscriber as it is read, in buffers the subscriber may keep (each
 * filled by one read of the socket). A subscriber that cancels gets nothing more;
 * a short rest of the body is still read (drained) so that the connection can serve again.
 */
final class Http1Body {
    /** The most bytes read and dropped after a cancel to keep a connection; beyond, it is closed. */
    static final long DRAIN_LIMIT = 64 << 10;

    private final Http1Connection connection;
    private final HttpResponse.BodySubscriber<?> subscriber;
    private final Http1Head.Framing framing;
    private final long length;
    private volatile boolean cancelled;
    private boolean done;
    private long dropped;

    Http1Body(Http1Connection connection, HttpResponse.BodySubscriber<?> subscriber, Http1Head.Framing framing,
            long length) {
        this.connection = connection;
        this.subscriber = subscriber;
        this.framing = framing;
        this.length = length;
    }

    /**
     * Reads the whole body into the subscriber and completes it.
     *
     * @return whether the connection is left at the end of the body, ready for another exchange
     * @throws IOException when the body cannot be read whole; the subscriber is not yet told
     */
    boolean deliver() throws IOException {
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // everything is pushed as it arrives
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
        boolean kept = switch (framing) {
            case NONE -> true;
            case LENGTH -> copy(length, "a body of " + length + " bytes");
            case CHUNKED -> chunks();
            case CLOSE -> untilClosed();
        };
        if (!done) {
            done = true;
            if (!cancelled) {
                subscriber.onComplete();
            }
        }
        return kept;
    }

    /** Tells the subscriber that the body failed, unless it was told the end already. */
    void fail(IOException failure) {
        if (!done) {
            done = true;
            subscriber.onError(failure);
        }
    }

    /** Reads {@code n} bytes of body; false if cancelled with too much left to drain. */
    private boolean copy(long n, String what) throws IOException {
        long left = n;
        while (left > 0) {
            if (cancelled && dropped + left > DRAIN_LIMIT) {
                return false;
            }
            int got = pass((int) Math.min(left, Integer.MAX_VALUE));
            if (got < 0) {
                throw new EOFException("expected " + what + " from " + connection.origin + ", found the connection"
                        + " closed after " + (n - left) + " bytes");
            }
            left -= got;
        }
        return true;
    }

    private boolean chunks() throws IOException {
        while (true) {
            String line = connection.readLine();
            if (line == null) {
                throw new EOFException("expected the size of a chunk from " + connection.origin
                        + ", found the connection closed");
            }
            long size = chunkSize(line);
            if (size == 0) {
                for (String trailer = connection.readLine(); trailer == null || !trailer.isEmpty();
                        trailer = connection.readLine()) {
                    if (trailer == null) {
                        throw new EOFException("expected the end of a chunked body from " + connection.origin
                                + ", found the connection closed");
                    }
                }
                return true;
            }
            if (!copy(size, "a chunk of " + size + " bytes")) {
                return false;
            }
            String end = connection.readLine();
            if (end == null || !end.isEmpty()) {
                throw new IOException("expected a line end after a chunk of " + size + " bytes from "
                        + connection.origin + ", found " + (end == null ? "the connection closed"
                                : Http1Head.printable(end)));
            }
        }
    }

    private long chunkSize(String line) throws IOException {
        int end = line.indexOf(';');
        String hex = (end < 0 ? line : line.substring(0, end)).strip();
        try {
            if (!hex.isEmpty() && hex.length() <= 15) {
                return Long.parseLong(hex, 16);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("expected a chunk size in hexadecimal from " + connection.origin + ", found "
                + Http1Head.printable(line));
    }

    private boolean untilClosed() throws IOException {
        while (!cancelled && pass(Integer.MAX_VALUE) >= 0) {
            // on to the end of the connection
        }
        return false;
    }

    /** Hands the subscriber (or drops, once it cancelled) up to {@code max} bytes; how many, or -1 at the end. */
    private int pass(int max) throws IOException {
        if (cancelled) {
            int n = connection.skip(max);
            dropped += Math.max(n, 0);
            return n;
        }
        if (subscriber instanceof ArrayBodySubscriber<?> sink && sink.filled() < sink.array().length) {
            int n = connection.readInto(sink.array(), sink.filled(), Math.min(max, sink.array().length - sink.filled()));
            if (n > 0) {
                sink.advance(n);
            }
            return n;
        }
        ByteBuffer data = connection.take(max);
        if (data == null) {
            return -1;
        }
        int n = data.remaining();
        subscriber.onNext(List.of(data));
        return n;
    }
}
