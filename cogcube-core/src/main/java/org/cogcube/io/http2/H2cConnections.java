package org.cogcube.io.http2;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections of a client, one per dialer and origin ({@code host:port}), shared by every request to it.
 * A connection that closes or receives GOAWAY is retired: the next request opens a new one.
 */
final class H2cConnections {
    /** The connections every {@link H2cClient} shares. */
    static final H2cConnections SHARED = new H2cConnections(Duration.ofSeconds(30));

    private final Map<String, H2cConnection> byOrigin = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final Duration idleTimeout;

    /** @param idleTimeout how long a connection without streams stays open */
    H2cConnections(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** Sends {@code stream} on the connection to its origin, opening one if there is none. */
    void submit(H2cStream<?> stream) {
        String origin = stream.dialer.name() + "://" + stream.host + ":" + stream.port;
        while (true) {
            H2cConnection connection = byOrigin.computeIfAbsent(origin, key -> {
                H2cConnection c = new H2cConnection(stream.dialer, key, stream.host, stream.port, stream.connectTimeout,
                        idleTimeout, this);
                opened.incrementAndGet();
                c.start();
                return c;
            });
            if (connection.submit(stream)) {
                return;
            }
            byOrigin.remove(origin, connection);
        }
    }

    /** Takes {@code connection} out of use for new streams. */
    void retire(H2cConnection connection) {
        byOrigin.remove(connection.key(), connection);
    }

    /** Closes every connection; what they still carry fails as closed. */
    void closeAll() {
        for (H2cConnection connection : byOrigin.values()) {
            connection.close(null);
        }
    }

    /** How many connections were opened so far. */
    int opened() {
        return opened.get();
    }

    /** How many connections take new streams now. */
    int open() {
        return byOrigin.size();
    }
}
