package org.cogcube.io.net;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plain TCP, for {@code http:}. Connections opened ahead ({@link #preconnect}) are spares that
 * {@link #open} hands out first, even while they are still connecting: a spare started earlier is
 * never further from ready than a new connection. A spare unused for {@link #SPARE_LIFETIME} is closed.
 */
public final class CleartextDialer implements Dialer {
    static final CleartextDialer INSTANCE = new CleartextDialer();
    /** How long a spare connection waits for its request before it is closed: servers close idle ones too. */
    static final Duration SPARE_LIFETIME = Duration.ofSeconds(10);

    private static final class Threads {
        static final ExecutorService CONNECTING = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cogcube-connect");
            t.setDaemon(true);
            return t;
        });
    }

    private record Spare(CompletableFuture<Socket> socket, long deadline) {
    }

    // guarded by itself
    private final Map<String, Deque<Spare>> spares = new HashMap<>();

    private CleartextDialer() {
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public int defaultPort() {
        return 80;
    }

    @Override
    public String name() {
        return "http";
    }

    /**
     * Starts opening {@code count} connections to {@code host:port} in the background, kept for the
     * next {@link #open}s; a connection that fails is simply not there for them.
     */
    public void preconnect(String host, int port, int count, Duration timeout) {
        preconnect(host, port, count, timeout, SPARE_LIFETIME);
    }

    /** {@link #preconnect(String, int, int, Duration)} with spares kept for {@code lifetime}. */
    void preconnect(String host, int port, int count, Duration timeout, Duration lifetime) {
        long deadline = System.nanoTime() + lifetime.toNanos();
        for (int i = 0; i < count; i++) {
            CompletableFuture<Socket> socket = CompletableFuture.supplyAsync(() -> {
                try {
                    return Dialer.connect(host, port, timeout);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, Threads.CONNECTING);
            synchronized (spares) {
                spares.computeIfAbsent(host + ":" + port, k -> new ArrayDeque<>()).add(new Spare(socket, deadline));
            }
        }
        CompletableFuture.delayedExecutor(lifetime.toMillis() + 100, TimeUnit.MILLISECONDS)
                .execute(() -> closeExpired(host + ":" + port));
    }

    @Override
    public Socket open(String host, int port, Duration timeout) throws IOException {
        Spare spare;
        while ((spare = takeSpare(host + ":" + port)) != null) {
            try {
                Socket socket = spare.socket().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!socket.isClosed()) {
                    return socket;
                }
            } catch (ExecutionException | TimeoutException e) {
                spare.socket().thenAccept(Dialer::closeQuietly);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while connecting to " + host + ":" + port);
            }
        }
        return Dialer.connect(host, port, timeout);
    }

    /** The oldest spare to {@code origin} still within its lifetime, or null. */
    private Spare takeSpare(String origin) {
        synchronized (spares) {
            Deque<Spare> kept = spares.get(origin);
            Spare spare;
            while (kept != null && (spare = kept.poll()) != null) {
                if (spare.deadline() - System.nanoTime() > 0) {
                    return spare;
                }
                spare.socket().thenAccept(Dialer::closeQuietly);
            }
            return null;
        }
    }

    private void closeExpired(String origin) {
        synchronized (spares) {
            Deque<Spare> kept = spares.get(origin);
            while (kept != null && !kept.isEmpty() && kept.peek().deadline() - System.nanoTime() <= 0) {
                kept.poll().socket().thenAccept(Dialer::closeQuietly);
            }
        }
    }

}
