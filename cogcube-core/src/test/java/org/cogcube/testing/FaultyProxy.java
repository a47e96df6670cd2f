package org.cogcube.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP/1.1 proxy on loopback in front of a real server (nginx), answering each request as
 * the upstream does unless its {@link Schedule} injects a {@link Fault}. Every request is logged
 * with the fault it got, so a test can count what was asked, when, and what was done to it.
 */
public final class FaultyProxy implements AutoCloseable {
    /** What is done to one request. */
    public enum Fault {
        /** The upstream's answer, untouched. */
        NONE,
        /** The connection is closed before any answer. */
        DROP,
        /** Half the body is sent, then the connection is reset (TCP RST). */
        RESET,
        /** Half the body is sent under the full Content-Length, then the connection is closed. */
        TRUNCATE,
        /** Nothing is sent for {@link #delay()}, then the upstream's answer. */
        DELAY,
        /** 503 Service Unavailable, without Retry-After. */
        UNAVAILABLE,
        /** 503 Service Unavailable with {@code Retry-After: }{@link #retryAfterSeconds()}. */
        UNAVAILABLE_RETRY_AFTER,
        /** 429 Too Many Requests, without Retry-After. */
        TOO_MANY,
        /** 429 Too Many Requests with {@code Retry-After: }{@link #retryAfterSeconds()}. */
        TOO_MANY_RETRY_AFTER,
        /** The Range header is dropped upstream: 200 with the whole file. */
        WHOLE_FILE,
        /** A 206 whose Content-Range is one byte off (moved back, or starting at 1); the body is the one asked. */
        WRONG_CONTENT_RANGE,
        /** The bytes of the {@link #replaceWith replacement} path, under a new ETag. */
        REPLACED
    }

    /** Which fault request {@code n} (from 1, in arrival order) for {@code path} gets. */
    public interface Schedule {
        Fault faultFor(int n, String path, String range);
    }

    /** One request received. */
    public record Request(int n, String path, String range, Fault fault, long nanoTime) {
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final List<Request> log = new ArrayList<>();
    private volatile Schedule schedule = (n, path, range) -> Fault.NONE;
    private volatile UnaryOperator<String> replacement = UnaryOperator.identity();
    private volatile Duration delay = Duration.ofSeconds(5);
    private volatile int retryAfterSeconds = 1;

    private FaultyProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy in front of {@code server}. */
    public static FaultyProxy inFrontOf(NginxServer server) {
        try {
            return new FaultyProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schedule giving each request for a path matching {@code paths} one of {@code faults}
     * with probability {@code rate}, drawn from {@code seed} and the request's number.
     */
    public static Schedule seeded(long seed, double rate, Pattern paths, List<Fault> faults) {
        return (n, path, range) -> {
            if (!paths.matcher(path).find()) {
                return Fault.NONE;
            }
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
            return random.nextDouble() < rate ? faults.get(random.nextInt(faults.size())) : Fault.NONE;
        };
    }

    /** The same fault for every request for a path matching {@code paths}. */
    public static Schedule always(Fault fault, Pattern paths) {
        return (n, path, range) -> paths.matcher(path).find() ? fault : Fault.NONE;
    }

    public void schedule(Schedule value) {
        this.schedule = value;
    }

    /** Where {@link Fault#REPLACED} takes its bytes from, given the path asked. */
    public void replaceWith(UnaryOperator<String> value) {
        this.replacement = value;
    }

    public void delay(Duration value) {
        this.delay = value;
    }

    public Duration delay() {
        return delay;
    }

    public void retryAfterSeconds(int value) {
        this.retryAfterSeconds = value;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The URI of {@code relativePath} through this proxy. */
    public URI uri(String relativePath) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/" + relativePath);
    }

    /** Every request received so far, in arrival order. */
    public List<Request> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            List<String> head;
            while ((head = readHead(in)) != null) {
                String path = head.get(0).split(" ")[1];
                String range = header(head, "Range");
                int n = count.incrementAndGet();
                Fault fault = schedule.faultFor(n, path, range);
                synchronized (log) {
                    log.add(new Request(n, path, range, fault, System.nanoTime()));
                }
                if (!answer(client, out, head, path, fault)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the proxy closed
        } finally {
            open.remove(client);
        }
    }

    /** Answers one request; false when the connection is to be closed. */
    private boolean answer(Socket client, OutputStream out, List<String> head, String path, Fault fault)
            throws IOException, InterruptedException {
        switch (fault) {
            case DROP:
                return false;
            case UNAVAILABLE, UNAVAILABLE_RETRY_AFTER, TOO_MANY, TOO_MANY_RETRY_AFTER: {
                boolean unavailable = fault == Fault.UNAVAILABLE || fault == Fault.UNAVAILABLE_RETRY_AFTER;
                boolean retryAfter = fault == Fault.UNAVAILABLE_RETRY_AFTER || fault == Fault.TOO_MANY_RETRY_AFTER;
                out.write(("HTTP/1.1 " + (unavailable ? "503 Service Unavailable" : "429 Too Many Requests")
                        + "\r\nContent-Length: 0\r\n" + (retryAfter ? "Retry-After: " + retryAfterSeconds + "\r\n" : "")
                        + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return true;
            }
            case DELAY:
                Thread.sleep(delay.toMillis());
                break;
            default:
                break;
        }
        List<String> request = new ArrayList<>(head);
        if (fault == Fault.WHOLE_FILE) {
            request.removeIf(line -> line.toLowerCase(Locale.ROOT).startsWith("range:"));
        }
        if (fault == Fault.REPLACED) {
            String[] line = request.get(0).split(" ");
            request.set(0, line[0] + " " + replacement.apply(path) + " " + line[2]);
        }
        Response response = forward(request);
        if (fault == Fault.REPLACED) {
            response.replace("ETag", "\"replaced-" + Integer.toHexString(path.hashCode()) + "\"");
        }
        if (fault == Fault.WRONG_CONTENT_RANGE) {
            Matcher m = CONTENT_RANGE.matcher(String.valueOf(header(response.headers, "Content-Range")));
            if (m.matches()) {
                long first = Long.parseLong(m.group(1));
                long last = Long.parseLong(m.group(2));
                response.replace("Content-Range", first > 0 ? "bytes " + (first - 1) + "-" + (last - 1) + "/"
                        + m.group(3) : "bytes 1-" + last + "/" + m.group(3));
            }
        }
        out.write(String.join("\r\n", response.headers).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (fault == Fault.RESET || fault == Fault.TRUNCATE) {
            out.write(response.body, 0, response.body.length / 2);
            out.flush();
            if (fault == Fault.RESET) {
                client.setSoLinger(true, 0);
            }
            return false;
        }
        out.write(response.body);
        out.flush();
        return true;
    }

    /** The upstream's whole answer to {@code head}, on a connection of its own. */
    private Response forward(List<String> head) throws IOException {
        try (Socket socket = new Socket(upstream.getAddress(), upstream.getPort())) {
            List<String> request = new ArrayList<>(head);
            request.removeIf(line -> line.toLowerCase(Locale.ROOT).startsWith("connection:"));
            request.add("Connection: close");
            OutputStream out = socket.getOutputStream();
            out.write(String.join("\r\n", request).concat("\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<String> headers = readHead(in);
            if (headers == null) {
                throw new IOException("no answer from upstream " + upstream);
            }
            headers.removeIf(line -> line.toLowerCase(Locale.ROOT).startsWith("connection:"));
            return new Response(headers, in.readAllBytes());
        }
    }

    /** The request or status line and header lines up to the empty line; null at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    return lines.isEmpty() ? readHead(in) : lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return null;
    }

    private static String header(List<String> head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return head.stream().skip(1).filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
    }

    /** An upstream answer: status line, header lines, body. */
    private record Response(List<String> headers, byte[] body) {
        void replace(String name, String value) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            headers.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix));
            headers.add(name + ": " + value);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
