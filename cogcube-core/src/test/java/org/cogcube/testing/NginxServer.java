package org.cogcube.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx on a loopback port, serving a folder, for tests: started from a temporary prefix
 * with a generated configuration (no system files written, nothing left running), stopped by
 * {@link #close()}. Needs the {@code nginx} binary (Debian's nginx-light) and, for TLS, {@code openssl}.
 *
 * <pre>{@code
 * try (NginxServer nginx = NginxServer.start(folder, NginxServer.Mode.TLS_H2)) {
 *     URI uri = nginx.uri("data.tif");
 * }
 * }</pre>
 */
public final class NginxServer implements AutoCloseable {
    /** What the server listens with. */
    public enum Mode {
        /** Cleartext HTTP/1.1. */
        HTTP_1_1("http", ""),
        /** Cleartext HTTP/2 with prior knowledge only (h2c): HTTP/1.1 clients are refused. */
        H2C("http", " http2"),
        /** TLS with a self-signed certificate for localhost and 127.0.0.1, offering h2 and http/1.1 by ALPN. */
        TLS_H2("https", " ssl http2"),
        /** TLS with the same certificate, offering only http/1.1 by ALPN. */
        TLS_HTTP_1_1("https", " ssl");

        private final String scheme;
        private final String listenFlags;

        Mode(String scheme, String listenFlags) {
            this.scheme = scheme;
            this.listenFlags = listenFlags;
        }
    }

    private static final String BINARY = "/usr/sbin/nginx";

    private final Process process;
    private final Path prefix;
    private final Path root;
    private final Mode mode;
    private final int port;

    private NginxServer(Process process, Path prefix, Path root, Mode mode, int port) {
        this.process = process;
        this.prefix = prefix;
        this.root = root;
        this.mode = mode;
        this.port = port;
    }

    /** Whether nginx is installed here (tests that need it can assume it). */
    public static boolean available() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** Starts nginx serving {@code root} in {@code mode}, waiting until it accepts connections. */
    public static NginxServer start(Path root, Mode mode) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken before nginx binds it
            try {
                return startOnce(root.toAbsolutePath(), mode);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("nginx did not start", last);
    }

    private static NginxServer startOnce(Path root, Mode mode) throws IOException {
        Path prefix = Files.createTempDirectory("cogcube-nginx-");
        int port = freePort();
        String tls = "";
        if (mode.scheme.equals("https")) {
            SelfSignedCertificate cert = SelfSignedCertificate.get();
            tls = "    ssl_certificate " + cert.certificate() + ";\n"
                    + "    ssl_certificate_key " + cert.key() + ";\n"
                    + "    ssl_protocols TLSv1.2 TLSv1.3;\n";
        }
        String config = "daemon off;\n"
                + "master_process off;\n"
                + "worker_processes 1;\n"
                + "pid " + prefix.resolve("nginx.pid") + ";\n"
                + "error_log " + prefix.resolve("error.log") + " warn;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n"
                + "  include /etc/nginx/mime.types;\n"
                + "  default_type application/octet-stream;\n"
                // nginx's combined format, plus the connection's serial number: which requests shared one
                + "  log_format cogcube '$remote_addr - $remote_user [$time_local] \"$request\" $status"
                + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" connection=$connection';\n"
                + "  access_log " + prefix.resolve("access.log") + " cogcube;\n"
                + "  client_body_temp_path " + prefix.resolve("body") + ";\n"
                + "  proxy_temp_path " + prefix.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";\n"
                + "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + prefix.resolve("scgi") + ";\n"
                + "  keepalive_requests 100000;\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + mode.listenFlags + ";\n"
                + "    server_name localhost;\n"
                + tls
                + "    root " + root + ";\n"
                + "  }\n"
                + "}\n";
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        Process process = new ProcessBuilder(BINARY, "-p", prefix.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stdout.log").toFile())
                .start();
        NginxServer server = new NginxServer(process, prefix, root, mode, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = server.logs();
                server.close();
                throw new IOException("nginx exited with " + process.exitValue() + ":\n" + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        String log = server.logs();
        server.close();
        throw new IOException("nginx did not accept connections on port " + port + " within 10 s:\n" + log);
    }

    /** The folder served. */
    public Path root() {
        return root;
    }

    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** The URL of a file under the served folder, e.g. {@code uri("a/b.tif")}. */
    public URI uri(String relativePath) {
        String host = mode.scheme.equals("https") ? "localhost" : "127.0.0.1";
        return URI.create(mode.scheme + "://" + host + ":" + port + "/" + relativePath);
    }

    /**
     * The requests served so far, one line each in nginx's combined format followed by
     * {@code connection=N}, the serial number of the connection that carried it.
     */
    public List<String> accessLog() {
        try {
            Path log = prefix.resolve("access.log");
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nginx's access log", e);
        }
    }

    /**
     * The logged requests whose line contains {@code text}, once there are at least {@code count}
     * of them or 10 seconds have passed: nginx logs a request after sending its answer, so a
     * client can hold the answer before the line is written.
     */
    public List<String> accessLogOf(String text, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<String> lines = accessLog().stream().filter(l -> l.contains(text)).toList();
            if (lines.size() >= count || System.nanoTime() > deadline) {
                return lines;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lines;
            }
        }
    }

    /** nginx's output and error log, for failure messages. */
    public String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            Path p = prefix.resolve(name);
            try {
                if (Files.exists(p)) {
                    sb.append(Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                sb.append("(cannot read ").append(p).append(": ").append(e).append(")\n");
            }
        }
        return sb.toString();
    }

    /** Stops nginx and deletes its prefix (not the folder served). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(prefix);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
