package org.cogcube.bench.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that forwards every connection it accepts to a target port through an
 * emulated access link: a rate limit and a one-way delay per direction, shared by all
 * connections. A new connection's first bytes wait one round trip, as they would behind TCP's
 * handshake. Counts connections and the bytes carried each way.
 *
 * <p>Run as a process: {@code java -cp cogcube-bench.jar org.cogcube.bench.link.LinkRelay
 * --target PORT [--listen PORT] [--delay-ms ONE_WAY] [--rate-mbit RATE]}. It prints
 * {@code listening PORT}, then a counters line for each {@code stats} line read on standard
 * input, and a last one when standard input ends or the process is stopped.
 */
public final class LinkRelay implements AutoCloseable {

    /** What the relay has carried so far. */
    public record Counters(int connections, long bytesUp, long bytesDown) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "connections=%d up=%d down=%d", connections, bytesUp, bytesDown);
        }
    }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final LinkDirection up;
    private final LinkDirection down;
    private final AtomicInteger connections = new AtomicInteger();

    private LinkRelay(ServerSocket listener, InetSocketAddress target, LinkDirection up, LinkDirection down) {
        this.listener = listener;
        this.target = target;
        this.up = up;
        this.down = down;
    }

    /**
     * Listens on {@code listenPort} of 127.0.0.1 (0: any free port) and relays to
     * {@code targetPort} of 127.0.0.1.
     *
     * @param oneWayDelayMillis the delay each way (the round trip is twice it)
     * @param bitsPerSecond the rate each way; 0 for no limit
     */
    public static LinkRelay start(int listenPort, int targetPort, double oneWayDelayMillis, long bitsPerSecond)
            throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(loopback, listenPort), 128);
        long delay = Math.round(oneWayDelayMillis * 1e6);
        LinkRelay relay = new LinkRelay(listener, new InetSocketAddress(loopback, targetPort),
                new LinkDirection(bitsPerSecond, delay), new LinkDirection(bitsPerSecond, delay));
        Thread acceptor = new Thread(relay::accept, "link-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Counters counters() {
        return new Counters(connections.get(), up.bytes(), down.bytes());
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            long handshakeDone = System.nanoTime() + 2 * up.delayNanos();
            int id = connections.incrementAndGet();
            try {
                relay(client, id, handshakeDone);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void relay(Socket client, int id, long handshakeDone) throws IOException {
        Socket server = new Socket();
        server.connect(target, 10_000);
        for (Socket s : new Socket[] {client, server}) {
            s.setTcpNoDelay(true);
        }
        AtomicInteger open = new AtomicInteger(2);
        Runnable oneDone = () -> {
            if (open.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(server);
            }
        };
        new Pipe(client, server, up, handshakeDone, oneDone).start("link-relay-" + id + "-up");
        new Pipe(server, client, down, 0, oneDone).start("link-relay-" + id + "-down");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    public static void main(String[] args) throws Exception {
        int listen = 0;
        int target = -1;
        double delayMs = 50;
        double rateMbit = 20;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--listen" -> listen = Integer.parseInt(value);
                case "--target" -> target = Integer.parseInt(value);
                case "--delay-ms" -> delayMs = Double.parseDouble(value);
                case "--rate-mbit" -> rateMbit = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --target PORT [--listen PORT] [--delay-ms ONE_WAY] [--rate-mbit RATE]");
            }
            i++;
        }
        if (target < 0) {
            throw new IllegalArgumentException("expected --target PORT");
        }
        LinkRelay relay = start(listen, target, delayMs, Math.round(rateMbit * 1e6));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(relay.counters())));
        System.out.println("listening " + relay.port());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals("stats")) {
                    System.out.println(relay.counters());
                    System.out.flush();
                }
            }
        }
        relay.close();
    }
}
