package org.cogcube.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback made of a bare {@link ServerSocket}: a test scripts, byte for byte,
 * what each connection answers, to show a client what a well-behaved server never does (answers
 * framed by the end of the connection, HTTP/1.0, connections closed while idle, bodies cut short,
 * stalls). Each accepted connection runs the script on a thread of its own.
 */
public final class RawHttpServer implements AutoCloseable {
    /** What one connection does; {@code c.number()} counts the connections, from 1. */
    public interface Script {
        void run(Conversation c) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();

    public RawHttpServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    synchronized (open) {
                        open.add(s);
                    }
                    Conversation c = new Conversation(s, connections.incrementAndGet());
                    threads.execute(() -> {
                        try (s) {
                            script.run(c);
                        } catch (IOException | InterruptedException e) {
                            // the client went away, or the test ended
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** The URL of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + path);
    }

    /** How many connections were accepted. */
    public int connections() {
        return connections.get();
    }

    /** How many request heads were read, over all connections. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
        threads.shutdownNow();
    }

    /** One accepted connection, as its script sees it. */
    public final class Conversation {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final int number;

        Conversation(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.number = number;
        }

        /** Which connection this is, from 1. */
        public int number() {
            return number;
        }

        /** The next request head, lines without their CRLF, or null when the client closed the connection. */
        public List<String> readRequest() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            List<String> lines = new ArrayList<>();
            while (true) {
                int b;
                try {
                    b = in.read();
                } catch (SocketException e) {
                    return null;
                }
                if (b < 0) {
                    return null;
                }
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                    line.reset();
                    if (text.isEmpty()) {
                        requests.incrementAndGet();
                        return lines;
                    }
                    lines.add(text);
                } else {
                    line.write(b);
                }
            }
        }

        /** Writes {@code text} (ISO-8859-1) and flushes it. */
        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Closes the connection at once. */
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The value of header {@code name} in a request head, or null. */
    public static String header(List<String> request, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : request) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return null;
    }
}
