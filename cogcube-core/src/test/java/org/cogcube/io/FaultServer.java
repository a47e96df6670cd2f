package org.cogcube.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A small real HTTP/1.1 server on loopback whose answers a test scripts, to inject the faults a
 * well-behaved server never shows: wrong statuses, short bodies, lying headers, changing ETags.
 */
final class FaultServer implements AutoCloseable {
    /** Answers one request; {@code n} counts the requests, from 1. */
    interface Answer {
        void answer(HttpExchange exchange, int n) throws IOException;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    /** The exchanges whose answer has started (the JDK's exchange attributes are shared by all of a context's). */
    private final java.util.Set<HttpExchange> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<String> rangesAsked = new ArrayList<>();
    private final byte[] content;
    private volatile Answer answer;

    FaultServer(byte[] content) throws IOException {
        this(content, null);
    }

    /**
     * A server of {@code content}, over TLS with {@code tls} (HTTP/1.1 only: this server knows no
     * ALPN) or in cleartext when it is null.
     */
    FaultServer(byte[] content, SSLContext tls) throws IOException {
        this.content = content;
        this.answer = (exchange, n) -> ok(exchange, "\"v1\"");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 50);
        } else {
            HttpsServer https = HttpsServer.create(address, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            synchronized (rangesAsked) {
                rangesAsked.add(exchange.getRequestHeaders().getFirst("Range"));
            }
            try {
                answer.answer(exchange, n);
            } finally {
                answered(exchange);
                exchange.close();
            }
        });
        server.start();
    }

    /**
     * Ends the exchange's time in flight, once: when its answer starts, since the client may send
     * its next request as soon as the answer's last byte is out, before this thread gets further.
     */
    private void answered(HttpExchange exchange) {
        if (answered.add(exchange)) {
            inFlight.decrementAndGet();
        }
    }

    void answer(Answer value) {
        this.answer = value;
    }

    URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/data.bin");
    }

    int requests() {
        return requests.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    List<String> rangesAsked() {
        synchronized (rangesAsked) {
            return List.copyOf(rangesAsked);
        }
    }

    /** A correct 206 answer for the range asked, with the given ETag (or none for null). */
    void ok(HttpExchange exchange, String etag) throws IOException {
        long[] range = asked(exchange);
        long first = range[0];
        if (first >= content.length) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            answered(exchange);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        long last = Math.min(range[1], content.length - 1);
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        send(exchange, 206, "bytes " + first + "-" + last + "/" + content.length, (int) first, (int) (last - first + 1));
    }

    /** Sends {@code length} bytes of the content from {@code offset}, with the given status and Content-Range. */
    void send(HttpExchange exchange, int status, String contentRange, int offset, int length) throws IOException {
        if (contentRange != null) {
            exchange.getResponseHeaders().set("Content-Range", contentRange);
        }
        answered(exchange);
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content, offset, length);
        }
    }

    /** The first and last byte of the request's Range header. */
    static long[] asked(HttpExchange exchange) {
        Matcher m = RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
        if (!m.matches()) {
            throw new IllegalStateException("expected a Range header bytes=A-B, found "
                    + exchange.getRequestHeaders().getFirst("Range"));
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    void status(HttpExchange exchange, int status) throws IOException {
        answered(exchange);
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
