package org.cogcube.io.http1;

import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.cogcube.io.net.Dialer;

/**
 * The idle persistent connections of every origin, most recently used first. A connection is in
 * the pool only while no exchange uses it; one idle longer than the pool's idle limit is closed
 * when found, as servers close theirs after a while (nginx 75 s, many object stores 20 s).
 */
final class Http1Pool {
    /** The pool every {@link Http1Client} shares. */
    static final Http1Pool SHARED = new Http1Pool(Duration.ofSeconds(15));

    private final Map<String, Deque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final long idleLimitNanos;

    Http1Pool(Duration idleLimit) {
        this.idleLimitNanos = idleLimit.toNanos();
    }

    /** An idle connection pooled as {@code key}, or null when there is none worth reusing. */
    Http1Connection take(String key) {
        Deque<Http1Connection> connections = idle.get(key);
        if (connections == null) {
            return null;
        }
        long now = System.nanoTime();
        for (Http1Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
            if (now - c.idleSince() < idleLimitNanos) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** A new connection to {@code host:port} through {@code dialer}, pooled as {@code key}. */
    Http1Connection open(Dialer dialer, String key, String host, int port, Duration connectTimeout)
            throws IOException {
        Http1Connection c = Http1Connection.open(dialer, key, host, port, connectTimeout);
        opened.incrementAndGet();
        return c;
    }

    /** Keeps {@code connection} for the next exchange to its origin, closing the oldest beyond {@code max}. */
    void give(Http1Connection connection, int max) {
        connection.markIdle(System.nanoTime());
        Deque<Http1Connection> connections = idle.computeIfAbsent(connection.key, key -> new ConcurrentLinkedDeque<>());
        connections.offerFirst(connection);
        if (connections.size() > max) {
            Http1Connection oldest = connections.pollLast();
            if (oldest != null) {
                oldest.close();
            }
        }
    }

    /** How many connections were opened so far. */
    int opened() {
        return opened.get();
    }
}
