package org.cogcube.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A TCP relay on loopback in front of a real server, for faults below HTTP that hit every
 * protocol alike (HTTP/1.1 and h2c): a connection may be refused at once, or reset (TCP RST) once
 * the server has sent a given number of bytes on it, mid-answer. Connections are numbered from 1
 * in the order accepted.
 */
public final class FaultyRelay implements AutoCloseable {
    /** What is done to one connection. */
    public record Fault(boolean drop, long resetAfterBytes) {
        public static final Fault NONE = new Fault(false, -1);
        public static final Fault DROP = new Fault(true, -1);

        /** Reset once the server has sent {@code bytes} bytes on the connection. */
        public static Fault resetAfter(long bytes) {
            return new Fault(false, bytes);
        }
    }

    private final int upstreamPort;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-relay");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private final IntFunction<Fault> schedule;

    private FaultyRelay(int upstreamPort, IntFunction<Fault> schedule) throws IOException {
        this.upstreamPort = upstreamPort;
        this.schedule = schedule;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A relay in front of {@code server}, doing to connection {@code n} what {@code schedule} says. */
    public static FaultyRelay inFrontOf(NginxServer server, IntFunction<Fault> schedule) {
        try {
            return new FaultyRelay(server.port(), schedule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String relativePath) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/" + relativePath);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections dropped or reset so far. */
    public int faulted() {
        return faulted.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Fault fault = schedule.apply(connections.incrementAndGet());
                if (fault.drop()) {
                    faulted.incrementAndGet();
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(server);
                threads.execute(() -> pump(client, server, -1));
                threads.execute(() -> pump(server, client, fault.resetAfterBytes()));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Copies {@code from} to {@code to}; after {@code resetAfter} bytes (if not -1) resets {@code to}. */
    private void pump(Socket from, Socket to, long resetAfter) {
        byte[] buffer = new byte[8192];
        long sent = 0;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int now = resetAfter < 0 ? n : (int) Math.min(n, resetAfter - sent);
                out.write(buffer, 0, now);
                out.flush();
                sent += now;
                if (resetAfter >= 0 && sent >= resetAfter) {
                    faulted.incrementAndGet();
                    to.setSoLinger(true, 0);
                    break;
                }
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
    }
}
