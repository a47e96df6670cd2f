package org.cogcube.io.http2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One cleartext TCP connection to an origin speaking HTTP/2 with prior knowledge (RFC 9113,
 * section 3.3), carrying many streams at once.
 *
 * <p>A daemon reader thread connects, sends the preface and this side's SETTINGS, waits for the
 * server's SETTINGS, then reads frames and hands each to its stream. Requests wait in a queue until
 * the connection is ready and the server's SETTINGS_MAX_CONCURRENT_STREAMS leaves room. Writes
 * hold the {@link FrameWriter}'s lock; stream identifiers are taken under it, so they go out in
 * increasing order.
 *
 * <p>Locks are taken in this order only: a stream's, the writer's, this connection's. No stream
 * method is called while holding this connection's lock.
 */
final class H2cConnection {
    /** SETTINGS_INITIAL_WINDOW_SIZE this side advertises: how much one stream may send ahead. */
    static final int STREAM_WINDOW = 8 << 20;
    /** The connection's receive window, opened by WINDOW_UPDATE right after the preface. */
    static final int CONNECTION_WINDOW = 64 << 20;
    private static final int INITIAL_WINDOW = 65_535;
    private static final int HEADER_TABLE_SIZE = 4096;
    private static final int MAX_HEADER_LIST_SIZE = 256 << 10;
    private static final int MAX_HEADER_BLOCK = 1 << 20;
    private static final Set<String> CONNECTION_HEADERS = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "host", "te");

    private final String host;
    private final int port;
    private final String origin;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final H2cConnections registry;
    private final Socket socket = new Socket();
    private final HpackDecoder decoder = new HpackDecoder(HEADER_TABLE_SIZE, MAX_HEADER_LIST_SIZE);

    // guarded by this
    private final Map<Integer, H2cStream<?>> active = new HashMap<>();
    private final ArrayDeque<H2cStream<?>> queued = new ArrayDeque<>();
    private FrameWriter writer;
    private boolean ready;
    private boolean accepting = true;
    private boolean goingAway;
    private boolean closed;
    private int nextStreamId = 1;
    private int maxConcurrentStreams = Integer.MAX_VALUE;
    private int peerMaxFrameSize = Frame.DEFAULT_MAX_SIZE;
    private long idleSince;
    private boolean idleCheckScheduled;

    private volatile long lastFrame = System.nanoTime();

    // reader thread only
    private int connectionWindow = CONNECTION_WINDOW;
    private int connectionConsumed;
    private ByteArrayOutputStream headerBlock;
    private int headerStream;
    private boolean headerEndStream;

    H2cConnection(String host, int port, Duration connectTimeout, Duration idleTimeout, H2cConnections registry) {
        this.host = host;
        this.port = port;
        this.origin = host + ":" + port;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.registry = registry;
    }

    String origin() {
        return origin;
    }

    /** Starts the reader thread, which connects. */
    void start() {
        Thread reader = new Thread(this::run, "cogcube-h2c-" + origin);
        reader.setDaemon(true);
        reader.start();
    }

    /** Queues {@code stream}; false when this connection takes no new streams (closing or going away). */
    boolean submit(H2cStream<?> stream) {
        synchronized (this) {
            if (!accepting) {
                return false;
            }
            stream.attach(this);
            queued.add(stream);
        }
        startQueued();
        return true;
    }

    /** Sends the queued requests that the server's stream limit allows. */
    private void startQueued() {
        while (true) {
            FrameWriter w;
            synchronized (this) {
                if (!ready || queued.isEmpty()) {
                    return;
                }
                w = writer;
            }
            w.lock.lock();
            try {
                H2cStream<?> stream;
                int id;
                int maxFrame;
                synchronized (this) {
                    if (!ready || closed || goingAway || queued.isEmpty() || active.size() >= maxConcurrentStreams) {
                        return;
                    }
                    stream = queued.poll();
                    id = nextStreamId;
                    nextStreamId += 2;
                    stream.id = id;
                    active.put(id, stream);
                    maxFrame = peerMaxFrameSize;
                    if (nextStreamId < 0 && accepting) { // identifiers exhausted: new streams go elsewhere
                        accepting = false;
                        goingAway = true;
                    }
                }
                w.headers(id, HpackEncoder.encode(requestFields(stream.request)), true, maxFrame);
            } catch (IOException e) {
                writeFailed(e);
                return;
            } finally {
                w.lock.unlock();
            }
            if (goingAwayNow()) {
                redirectQueued();
            }
        }
    }

    private synchronized boolean goingAwayNow() {
        return goingAway && !queued.isEmpty();
    }

    /**
     * Forgets {@code stream}: ended, failed or cancelled. When {@code reset} is given and the
     * stream was open, the server is told with RST_STREAM. Frees a place for a queued stream.
     */
    void forget(H2cStream<?> stream, ErrorCode reset) {
        boolean wasOpen;
        boolean closeNow = false;
        synchronized (this) {
            queued.remove(stream);
            wasOpen = stream.id != 0 && active.remove(stream.id, stream);
            if (active.isEmpty() && queued.isEmpty() && !closed) {
                if (goingAway) {
                    closeNow = true;
                } else {
                    idleSince = System.nanoTime();
                    scheduleIdleCheck(idleTimeout.toNanos());
                }
            }
        }
        if (wasOpen && reset != null) {
            FrameWriter w = writerOrNull();
            try {
                if (w != null) {
                    w.rstStream(stream.id, reset);
                }
            } catch (IOException e) {
                writeFailed(e);
            }
        }
        if (closeNow) {
            close(null);
        } else {
            startQueued();
        }
    }

    /** Gives {@code increment} bytes of a stream's window back to the server. */
    void windowUpdate(int streamId, int increment) {
        FrameWriter w = writerOrNull();
        if (w == null) {
            return;
        }
        try {
            w.windowUpdate(streamId, increment);
        } catch (IOException e) {
            writeFailed(e);
        }
    }

    private synchronized FrameWriter writerOrNull() {
        return closed ? null : writer;
    }

    /** A write failed: closing the socket makes the reader thread fail every stream with the cause. */
    private void writeFailed(IOException e) {
        closeSocket();
    }

    private void scheduleIdleCheck(long delayNanos) {
        if (!idleCheckScheduled) {
            idleCheckScheduled = true;
            H2cThreads.timer().schedule(this::closeIfIdle, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the connection once no stream has used it for the idle timeout. */
    private void closeIfIdle() {
        synchronized (this) {
            idleCheckScheduled = false;
            if (closed || !active.isEmpty() || !queued.isEmpty()) {
                return; // the stream that ends last schedules the next check
            }
            long quiet = System.nanoTime() - idleSince;
            if (quiet < idleTimeout.toNanos()) {
                scheduleIdleCheck(idleTimeout.toNanos() - quiet);
                return;
            }
            accepting = false;
        }
        registry.retire(this);
        FrameWriter w = writerOrNull();
        if (w != null) {
            w.tryGoAway(0, ErrorCode.NO_ERROR, "idle");
        }
        close(null);
    }

    private void run() {
        try {
            connect();
            FrameReader reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            Frame first;
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())));
            try {
                first = reader.next(Frame.DEFAULT_MAX_SIZE);
            } catch (Http2Exception e) {
                first = null;
            } catch (SocketTimeoutException e) {
                throw new IOException("expected the server's HTTP/2 preface (a SETTINGS frame) within "
                        + connectTimeout.toMillis() + " ms of connecting, found none: does " + origin
                        + " speak HTTP/2 over cleartext with prior knowledge?", e);
            }
            socket.setSoTimeout(0);
            if (first == null || !first.is(FrameType.SETTINGS) || first.has(Frame.ACK)) {
                throw new IOException("expected the server's HTTP/2 preface (a SETTINGS frame), found "
                        + (first == null ? "something else" : first) + ": does " + origin
                        + " speak HTTP/2 over cleartext with prior knowledge?");
            }
            dispatch(first);
            synchronized (this) {
                ready = true;
            }
            startQueued();
            while (true) {
                Frame frame = reader.next(Frame.DEFAULT_MAX_SIZE);
                if (frame == null) {
                    throw new EOFException("the server closed the connection");
                }
                lastFrame = System.nanoTime();
                dispatch(frame);
            }
        } catch (Http2Exception e) {
            FrameWriter w = writerOrNull();
            if (w != null) {
                w.tryGoAway(0, e.code(), e.getMessage());
            }
            close(new IOException("HTTP/2 connection to " + origin + " failed with " + e.code() + ": " + e.getMessage()));
        } catch (HttpConnectTimeoutException | java.net.ConnectException e) {
            close(e);
        } catch (IOException | RuntimeException e) {
            boolean quietly;
            synchronized (this) {
                quietly = closed;
            }
            if (!quietly) {
                close(new IOException("HTTP/2 connection to " + origin + " failed: " + e.getMessage(), e));
            }
        }
    }

    private void connect() throws IOException {
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        } catch (SocketTimeoutException e) {
            HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("expected a connection to " + origin
                    + " within " + connectTimeout.toMillis() + " ms, found none");
            timeout.initCause(e);
            throw timeout;
        }
        socket.setTcpNoDelay(true);
        FrameWriter w = new FrameWriter(socket.getOutputStream());
        Map<Setting, Integer> settings = new LinkedHashMap<>();
        settings.put(Setting.ENABLE_PUSH, 0);
        settings.put(Setting.INITIAL_WINDOW_SIZE, STREAM_WINDOW);
        settings.put(Setting.MAX_HEADER_LIST_SIZE, MAX_HEADER_LIST_SIZE);
        w.preface(settings, CONNECTION_WINDOW - INITIAL_WINDOW);
        synchronized (this) {
            writer = w;
        }
    }

    private void dispatch(Frame f) throws IOException, Http2Exception {
        if (headerBlock != null && !f.is(FrameType.CONTINUATION)) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected CONTINUATION of the header block of stream "
                    + headerStream + ", found " + f);
        }
        FrameType type = FrameType.of(f.type()).orElse(null);
        if (type == null) {
            return; // extension frames are ignored (RFC 9113, section 5.5)
        }
        switch (type) {
            case DATA -> onData(f);
            case HEADERS -> onHeaders(f);
            case CONTINUATION -> onContinuation(f);
            case RST_STREAM -> onReset(f);
            case SETTINGS -> onSettings(f);
            case PING -> onPing(f);
            case GOAWAY -> onGoAway(f);
            case WINDOW_UPDATE -> onWindowUpdate(f);
            case PUSH_PROMISE -> throw new Http2Exception(ErrorCode.PROTOCOL_ERROR,
                    "expected no PUSH_PROMISE (SETTINGS_ENABLE_PUSH is 0), found one on stream " + f.streamId());
            case PRIORITY -> { } // advice on the server's own scheduling: nothing to do
        }
    }

    /**
     * Whether nothing at all arrived on the connection for {@code nanos}: when a stream times out
     * so, the server or the path to it is gone, and the connection is closed rather than handed new
     * streams.
     */
    boolean quietFor(long nanos) {
        return System.nanoTime() - lastFrame >= nanos;
    }

    /** Takes no new streams from now on. */
    void retire() {
        synchronized (this) {
            accepting = false;
        }
        registry.retire(this);
    }

    private void onData(Frame f) throws IOException, Http2Exception {
        requireStream(f);
        int length = f.payload().length;
        connectionWindow -= length;
        if (connectionWindow < 0) {
            throw new Http2Exception(ErrorCode.FLOW_CONTROL_ERROR, "expected at most " + (connectionWindow + length)
                    + " bytes within the connection's flow-control window, found a DATA frame of " + length);
        }
        connectionConsumed += length; // credited on arrival: each stream's own window bounds what waits
        if (connectionConsumed >= CONNECTION_WINDOW / 2) {
            connectionWindow += connectionConsumed;
            windowUpdate(0, connectionConsumed);
            connectionConsumed = 0;
        }
        int[] bounds = unpad(f, 0);
        H2cStream<?> stream = stream(f);
        if (stream != null) {
            stream.onData(ByteBuffer.wrap(f.payload(), bounds[0], bounds[1] - bounds[0]).slice(), length,
                    f.has(Frame.END_STREAM));
        }
    }

    private void onHeaders(Frame f) throws Http2Exception {
        requireStream(f);
        int[] bounds = unpad(f, f.has(Frame.PRIORITY) ? 5 : 0);
        headerBlock = new ByteArrayOutputStream();
        headerStream = f.streamId();
        headerEndStream = f.has(Frame.END_STREAM);
        headerBlock.write(f.payload(), bounds[0], bounds[1] - bounds[0]);
        if (f.has(Frame.END_HEADERS)) {
            endHeaders();
        }
    }

    private void onContinuation(Frame f) throws Http2Exception {
        if (headerBlock == null || f.streamId() != headerStream) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected CONTINUATION only right after HEADERS"
                    + " of the same stream, found " + f + (headerBlock == null ? "" : " inside stream " + headerStream
                    + "'s header block"));
        }
        headerBlock.write(f.payload(), 0, f.payload().length);
        if (headerBlock.size() > MAX_HEADER_BLOCK) {
            throw new Http2Exception(ErrorCode.ENHANCE_YOUR_CALM, "expected a header block of at most "
                    + MAX_HEADER_BLOCK + " bytes, found more on stream " + headerStream);
        }
        if (f.has(Frame.END_HEADERS)) {
            endHeaders();
        }
    }

    private void endHeaders() throws Http2Exception {
        byte[] block = headerBlock.toByteArray();
        headerBlock = null;
        List<HeaderField> fields;
        try {
            fields = decoder.decode(block); // always, even for a forgotten stream: the table must follow
        } catch (HpackException e) {
            throw new Http2Exception(ErrorCode.COMPRESSION_ERROR, "header block of stream " + headerStream + ": "
                    + e.getMessage());
        }
        H2cStream<?> stream = stream(new Frame(FrameType.HEADERS.code, 0, headerStream, new byte[0]));
        if (stream != null) {
            stream.onHeaders(fields, headerEndStream);
        }
    }

    private void onReset(Frame f) throws Http2Exception {
        requireStream(f);
        requireLength(f, 4);
        H2cStream<?> stream = stream(f);
        if (stream != null) {
            stream.onReset(f.intAt(0));
        }
    }

    private void onSettings(Frame f) throws IOException, Http2Exception {
        if (f.streamId() != 0) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected SETTINGS on stream 0, found " + f);
        }
        if (f.has(Frame.ACK)) {
            requireLength(f, 0);
            return;
        }
        if (f.payload().length % 6 != 0) {
            throw new Http2Exception(ErrorCode.FRAME_SIZE_ERROR, "expected SETTINGS of 6 bytes each, found " + f);
        }
        for (int at = 0; at < f.payload().length; at += 6) {
            int id = ((f.payload()[at] & 0xff) << 8) | (f.payload()[at + 1] & 0xff);
            int value = f.intAt(at + 2);
            Setting setting = Setting.of(id).orElse(null);
            if (setting == null) {
                continue; // unknown settings are ignored
            }
            switch (setting) {
                case ENABLE_PUSH -> {
                    if (value != 0) {
                        throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected SETTINGS_ENABLE_PUSH 0 from a"
                                + " server, found " + Integer.toUnsignedString(value));
                    }
                }
                case INITIAL_WINDOW_SIZE -> {
                    if (value < 0) {
                        throw new Http2Exception(ErrorCode.FLOW_CONTROL_ERROR, "expected SETTINGS_INITIAL_WINDOW_SIZE"
                                + " of at most 2^31-1, found " + Integer.toUnsignedString(value));
                    }
                }
                case MAX_FRAME_SIZE -> {
                    if (value < Frame.DEFAULT_MAX_SIZE || value > Frame.MAX_MAX_SIZE) {
                        throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected SETTINGS_MAX_FRAME_SIZE in "
                                + Frame.DEFAULT_MAX_SIZE + ".." + Frame.MAX_MAX_SIZE + ", found "
                                + Integer.toUnsignedString(value));
                    }
                    synchronized (this) {
                        peerMaxFrameSize = value;
                    }
                }
                case MAX_CONCURRENT_STREAMS -> {
                    synchronized (this) {
                        maxConcurrentStreams = value < 0 ? Integer.MAX_VALUE : value;
                    }
                }
                case HEADER_TABLE_SIZE, MAX_HEADER_LIST_SIZE -> {
                    // requests use no dynamic table and carry few headers
                }
            }
        }
        FrameWriter w = writerOrNull();
        if (w != null) {
            w.settingsAck();
        }
        startQueued();
    }

    private void onPing(Frame f) throws IOException, Http2Exception {
        if (f.streamId() != 0) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected PING on stream 0, found " + f);
        }
        requireLength(f, 8);
        FrameWriter w = writerOrNull();
        if (!f.has(Frame.ACK) && w != null) {
            w.ping(true, f.payload());
        }
    }

    private void onGoAway(Frame f) throws Http2Exception {
        if (f.streamId() != 0 || f.payload().length < 8) {
            throw new Http2Exception(f.streamId() != 0 ? ErrorCode.PROTOCOL_ERROR : ErrorCode.FRAME_SIZE_ERROR,
                    "expected GOAWAY on stream 0 with at least 8 bytes, found " + f);
        }
        int lastStreamId = f.intAt(0) & 0x7fffffff;
        String why = ErrorCode.describe(f.intAt(4)) + (f.payload().length > 8 ? " ("
                + new String(f.payload(), 8, f.payload().length - 8, java.nio.charset.StandardCharsets.UTF_8) + ")" : "");
        List<H2cStream<?>> refused = new ArrayList<>();
        boolean idle;
        synchronized (this) {
            accepting = false;
            goingAway = true;
            for (var it = active.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey() > lastStreamId) {
                    refused.add(e.getValue());
                    it.remove();
                }
            }
            idle = active.isEmpty();
        }
        redirectQueued();
        for (H2cStream<?> stream : refused) {
            stream.fail(new IOException("HTTP/2 stream " + stream.id + " of " + origin + " was not processed: the"
                    + " server sent GOAWAY " + why + " with last stream " + lastStreamId), null);
        }
        if (idle) {
            close(null);
        }
    }

    /** Moves the streams not yet sent to another connection. */
    private void redirectQueued() {
        List<H2cStream<?>> moving;
        synchronized (this) {
            moving = new ArrayList<>(queued);
            queued.clear();
        }
        registry.retire(this);
        for (H2cStream<?> stream : moving) {
            registry.submit(stream);
        }
    }

    private void onWindowUpdate(Frame f) throws Http2Exception {
        requireLength(f, 4);
        int increment = f.intAt(0) & 0x7fffffff;
        if (increment == 0) {
            if (f.streamId() == 0) {
                throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected a WINDOW_UPDATE increment of 1 or"
                        + " more, found 0 on the connection");
            }
            H2cStream<?> stream = stream(f);
            if (stream != null) {
                stream.fail(new IOException("HTTP/2 stream " + f.streamId() + " of " + origin + ": expected a"
                        + " WINDOW_UPDATE increment of 1 or more, found 0"), ErrorCode.PROTOCOL_ERROR);
            }
        }
        // requests carry no body, so the server's windows never limit this side
    }

    private static void requireStream(Frame f) throws Http2Exception {
        if (f.streamId() == 0) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected " + f.typeName() + " on a stream, found it"
                    + " on stream 0");
        }
        if (f.streamId() % 2 == 0) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected " + f.typeName() + " on a stream this"
                    + " client opened (odd), found stream " + f.streamId());
        }
    }

    private static void requireLength(Frame f, int length) throws Http2Exception {
        if (f.payload().length != length) {
            throw new Http2Exception(ErrorCode.FRAME_SIZE_ERROR, "expected " + f.typeName() + " of " + length
                    + " bytes, found " + f.payload().length);
        }
    }

    /** The payload's content between padding (and {@code skip} bytes of priority): {start, end}. */
    private static int[] unpad(Frame f, int skip) throws Http2Exception {
        int start = 0;
        int end = f.payload().length;
        if (f.has(Frame.PADDED)) {
            if (end < 1) {
                throw new Http2Exception(ErrorCode.FRAME_SIZE_ERROR, "expected a pad length in " + f + ", found none");
            }
            end -= f.payload()[0] & 0xff;
            start = 1;
        }
        start += skip;
        if (end < start) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected padding shorter than the payload of " + f
                    + ", found " + (f.payload()[0] & 0xff) + " bytes of padding");
        }
        return new int[] {start, end};
    }

    /** The open stream a frame is for, or null for one already closed; a frame for an idle stream is an error. */
    private H2cStream<?> stream(Frame f) throws Http2Exception {
        synchronized (this) {
            H2cStream<?> stream = active.get(f.streamId());
            if (stream == null && f.streamId() >= nextStreamId) {
                throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected frames only on streams this client"
                        + " opened, found " + f.typeName() + " on idle stream " + f.streamId());
            }
            return stream;
        }
    }

    /**
     * Closes the connection and fails what it still carries with {@code cause} (for a graceful close,
     * null: then there should be nothing left, and anything left fails as closed).
     */
    void close(Throwable cause) {
        List<H2cStream<?>> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            accepting = false;
            ready = false;
            left = new ArrayList<>(active.values());
            left.addAll(queued);
            active.clear();
            queued.clear();
        }
        registry.retire(this);
        closeSocket();
        Throwable failure = cause != null ? cause : new IOException("HTTP/2 connection to " + origin + " closed");
        for (H2cStream<?> stream : left) {
            stream.fail(failure, null);
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    /** The request's header fields: pseudo-header fields first, then its own headers in lower case. */
    static List<HeaderField> requestFields(HttpRequest request) {
        URI uri = request.uri();
        List<HeaderField> fields = new ArrayList<>();
        fields.add(new HeaderField(":method", request.method()));
        fields.add(new HeaderField(":scheme", "http"));
        fields.add(new HeaderField(":authority", uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        fields.add(new HeaderField(":path", uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery()));
        request.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!CONNECTION_HEADERS.contains(lower)) {
                values.forEach(value -> fields.add(new HeaderField(lower, value)));
            }
        });
        return fields;
    }
}
