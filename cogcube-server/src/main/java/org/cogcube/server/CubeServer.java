package org.cogcube.server;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cogcube.CogcubeException;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * A running server that publishes one cube folder over HTTP/1.1 and HTTP/2, read-only.
 *
 * <pre>{@code
 * try (CubeServer server = CubeServer.start(ServerOptions.of(cube).withPort(0))) {
 *     URI catalogue = server.uri().resolve("catalog.json");
 * }
 * }</pre>
 *
 * <p>In cleartext one port speaks HTTP/1.1 and h2c (with prior knowledge, or upgraded from
 * HTTP/1.1); with TLS it speaks h2 and http/1.1, chosen by ALPN. See the package documentation for
 * what is served and how.
 */
public final class CubeServer implements AutoCloseable {
    /**
     * One selector (event loop) per core: requests are handled on the selector's thread, so fewer
     * selectors than cores would leave cores idle under load (Jetty's default is half the cores).
     */
    private static final int SELECTORS = Runtime.getRuntime().availableProcessors();
    /** File versions kept open between responses ({@link OpenFiles}): a cube's files asked for at once. */
    private static final int OPEN_FILES = 256;
    /** Capacities of the buffer pool's buckets are multiples of this (Jetty's default). */
    private static final int POOL_BUCKET_STEP = 4096;
    private final Server jetty;
    private final ServerConnector connector;
    private final ServerOptions options;
    private final URI uri;

    private CubeServer(Server jetty, ServerConnector connector, ServerOptions options, URI uri) {
        this.jetty = jetty;
        this.connector = connector;
        this.options = options;
        this.uri = uri;
    }

    /**
     * Starts serving and returns once the port is listening.
     *
     * @throws CogcubeException if the root is not a folder, the certificate cannot be read, or the
     *     port cannot be listened on; the message says which
     */
    public static CubeServer start(ServerOptions options) {
        Path root = options.root();
        if (!Files.isDirectory(root)) {
            throw new CogcubeException("cannot serve " + root + ": not a folder");
        }
        SafePaths paths;
        try {
            paths = new SafePaths(root);
        } catch (IOException e) {
            throw new CogcubeException("cannot serve " + root + ": " + e.getMessage(), e);
        }
        ServerOptions.Limits limits = options.limits();
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        threads.setName("cogcube-server");
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("cogcube-server-scheduler", true);
        Server jetty = new Server(threads, scheduler, bufferPool(limits.bufferSize()));

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setResponseHeaderSize(16 * 1024);
        http.setOutputBufferSize(32 * 1024);
        http.setUseOutputDirectByteBuffers(true);
        http.setIdleTimeout(limits.idleTimeout().toMillis());

        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        http1.addEventListener(new HeaderDeadline(scheduler, limits.headerTimeout().toMillis()));
        ServerConnector connector;
        String scheme;
        if (options.tls().isPresent()) {
            http.addCustomizer(new SecureRequestCustomizer(false, -1, false));
            AbstractHTTP2ServerConnectionFactory h2 = http2(new HTTP2ServerConnectionFactory(http), limits);
            // With no names, ALPN offers the protocols of the factories after it: h2, then http/1.1.
            ALPNServerConnectionFactory alpn = new ConscryptTls.AlpnFactory();
            alpn.setDefaultProtocol(http1.getProtocol());
            SslConnectionFactory tls = new BatchingTls(TlsContexts.of(options), alpn.getProtocol());
            // Records in direct buffers: Conscrypt reads its output straight into them (into a heap
            // buffer it copies through one of its own), and the JDK writes them without a copy.
            tls.setDirectBuffersForEncryption(true);
            tls.setDirectBuffersForDecryption(true);
            connector = new ServerConnector(jetty, 1, SELECTORS, tls, alpn, h2, http1);
            scheme = "https";
        } else {
            AbstractHTTP2ServerConnectionFactory h2c = http2(new HTTP2CServerConnectionFactory(http), limits);
            connector = new ServerConnector(jetty, 1, SELECTORS, new ConnectionFactory[] {http1, h2c});
            scheme = "http";
        }
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        jetty.addConnector(connector);
        jetty.setHandler(new FileHandler(paths, options.listing(), limits.bufferSize(), limits.maxCutPixels(),
                new OpenFiles(scheduler, OPEN_FILES)));
        options.accessLog().ifPresent(file -> {
            RequestLogWriter writer = new RequestLogWriter(file.toAbsolutePath().toString());
            writer.setAppend(true);
            jetty.setRequestLog(new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT));
        });
        jetty.setStopTimeout(2000);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            Throwable cause = e instanceof IOException && e.getCause() instanceof BindException ? e.getCause() : e;
            throw new CogcubeException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + cause.getMessage(), e);
        }
        String host = options.host().equals("0.0.0.0") || options.host().equals("::") ? "127.0.0.1" : options.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        URI uri = URI.create(scheme + "://" + host + ":" + connector.getLocalPort() + "/");
        return new CubeServer(jetty, connector, options, uri);
    }

    /**
     * Jetty's buffer pool, with buckets up to the size of a file step and of a batch of TLS records:
     * its default pools buffers of up to 64 KiB only, and gives a new direct buffer (mapped and
     * zeroed) for each larger request.
     */
    private static ByteBufferPool bufferPool(int bufferSize) {
        int step = POOL_BUCKET_STEP;
        int largest = Math.max(BatchingTls.BATCH_BYTES, (bufferSize + step - 1) / step * step);
        return new ArrayByteBufferPool(0, step, largest);
    }

    private static AbstractHTTP2ServerConnectionFactory http2(AbstractHTTP2ServerConnectionFactory h2,
            ServerOptions.Limits limits) {
        h2.setMaxConcurrentStreams(limits.maxConcurrentStreams());
        h2.setStreamIdleTimeout(limits.idleTimeout().toMillis());
        h2.setUseOutputDirectByteBuffers(true);
        return h2;
    }

    /** The root URL, e.g. {@code http://127.0.0.1:8080/}; a file's URL is {@code uri().resolve("a/b.tif")}. */
    public URI uri() {
        return uri;
    }

    /** The port listened on (the one chosen when the options asked for 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The pool the server's buffers come from. */
    ByteBufferPool bufferPool() {
        return jetty.getByteBufferPool();
    }

    /** Whether the server speaks TLS. */
    public boolean secure() {
        return options.tls().isPresent();
    }

    /** Which TLS implementation encrypts, or none in cleartext. */
    public Optional<TlsProvider> tlsProvider() {
        return Optional.ofNullable(connector.getConnectionFactory(SslConnectionFactory.class))
                .map(tls -> TlsContexts.used(tls.getSslContextFactory().getSslContext()));
    }

    public ServerOptions options() {
        return options;
    }

    /** Blocks until the server is closed (by {@link #close()} from another thread, or the JVM's shutdown). */
    public void awaitClose() throws InterruptedException {
        jetty.join();
    }

    /** Stops listening, ends the connections and frees the threads. */
    @Override
    public void close() {
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping a server that failed to start may fail again; nothing is left to free
        }
    }
}
