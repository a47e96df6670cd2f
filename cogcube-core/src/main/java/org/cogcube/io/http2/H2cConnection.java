package org.cogcube.io.http2;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cogcube.io.net.Dialer;

/**
 * One connection to an origin speaking HTTP/2, carrying many streams at once: cleartext TCP with
 * prior knowledge (h2c, RFC 9113 section 3.3), or TLS where ALPN chose h2 (section 3.2); the
 * connection's {@link Dialer} opens it, and from then on both are spoken alike.
 *
 * <p>A daemon reader thread connects, sends the preface and this side's SETTINGS, and from then on
 * sends requests without waiting for the server's SETTINGS (RFC 9113 section 3.4 allows it, and
 * the wait would cost a round trip on every new connection); it checks that the server's first
 * frame is its SETTINGS, then reads frames and hands each to {@link InboundFrames}. Requests wait
 * in a queue until the connection is ready and the server's stream limit leaves room: until the
 * server's SETTINGS say otherwise, {@value #STREAMS_BEFORE_SETTINGS} streams, the least the RFC
 * recommends a server allow. Writes
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
    /** Streams opened before the server's SETTINGS give its limit (RFC 9113 section 6.5.2: at least 100 is recommended). */
    static final int STREAMS_BEFORE_SETTINGS = 100;

    private final String host;
    private final int port;
    private final String origin;
    private final String key;
    private final Dialer dialer;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final H2cConnections registry;
    private volatile Socket socket; // null until connected

    // guarded by this
    private final Map<Integer, H2cStream<?>> active = new HashMap<>();
    private final ArrayDeque<H2cStream<?>> queued = new ArrayDeque<>();
    private FrameWriter writer;
    private boolean ready;
    private boolean accepting = true;
    private boolean goingAway;
    private boolean closed;
    private int nextStreamId = 1;
    private int maxConcurrentStreams = STREAMS_BEFORE_SETTINGS;
    private boolean settingsSeen; // the server's preface, its first SETTINGS, has been applied
    private int peerMaxFrameSize = Frame.DEFAULT_MAX_SIZE;
    private long idleSince;
    private boolean idleCheckScheduled;

    private byte[] probe;
    private long probes;


    H2cConnection(Dialer dialer, String key, String host, int port, Duration connectTimeout, Duration idleTimeout,
            H2cConnections registry) {
        this.dialer = dialer;
        this.key = key;
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

    /** What the registry knows this connection by: its dialer's name and origin. */
    String key() {
        return key;
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
                w.headers(id, HpackEncoder.encode(stream.requestFields()), true, maxFrame);
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

    synchronized FrameWriter writerOrNull() {
        return closed ? null : writer;
    }

    /**
     * A write failed: closing the socket makes the reader thread fail every stream with the cause.
     * Before the server's preface has come, the reader is left to find out what the server said (a
     * server that does not speak HTTP/2 answers and closes while the first requests go out), within
     * the connect timeout it reads the preface with.
     */
    private void writeFailed(IOException e) {
        boolean prefaceSeen;
        synchronized (this) {
            prefaceSeen = settingsSeen;
        }
        if (prefaceSeen) {
            closeSocket();
        }
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
            synchronized (this) {
                ready = true;
            }
            startQueued();
            FrameReader reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            InboundFrames frames = new InboundFrames(this, new HpackDecoder(HEADER_TABLE_SIZE, MAX_HEADER_LIST_SIZE));
            Frame first;
            socket.setSoTimeout(Dialer.millis(connectTimeout));
            try {
                first = reader.next(Frame.DEFAULT_MAX_SIZE);
            } catch (Http2Exception e) {
                first = null;
            } catch (SocketTimeoutException e) {
                throw new IOException("expected the server's HTTP/2 preface (a SETTINGS frame) within "
                        + connectTimeout.toMillis() + " ms of connecting, found none: " + doubt(), e);
            }
            socket.setSoTimeout(0);
            if (first == null || !first.is(FrameType.SETTINGS) || first.has(Frame.ACK)) {
                throw new IOException("expected the server's HTTP/2 preface (a SETTINGS frame), found "
                        + (first == null ? "something else" : first) + ": " + doubt());
            }
            frames.dispatch(first);
            while (true) {
                Frame frame = reader.next(Frame.DEFAULT_MAX_SIZE);
                if (frame == null) {
                    throw new EOFException("the server closed the connection");
                }
                frames.dispatch(frame);
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

    /** What to ask of a server that does not answer as HTTP/2. */
    private String doubt() {
        return "http".equals(dialer.scheme())
                ? "does " + origin + " speak HTTP/2 over cleartext with prior knowledge?"
                : "ALPN chose h2, but " + origin + " does not speak it";
    }

    private void connect() throws IOException {
        Socket s = dialer.open(host, port, connectTimeout);
        boolean closedMeanwhile;
        synchronized (this) {
            closedMeanwhile = closed;
            socket = s;
        }
        if (closedMeanwhile) {
            closeSocket();
            throw new IOException("HTTP/2 connection to " + origin + " closed while it was opening");
        }
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


    /**
     * After a stream timed out: asks the server for a PING answer within {@code timeoutNanos}, and
     * closes the connection if none comes, so that a server, or a path to it, that has gone silent
     * does not keep its connection in use for new streams.
     */
    void probe(long timeoutNanos) {
        FrameWriter w;
        byte[] opaque;
        synchronized (this) {
            if (closed || probe != null) {
                return;
            }
            w = writer;
            probe = opaque = java.nio.ByteBuffer.allocate(8).putLong(++probes).array();
        }
        if (w == null) {
            return;
        }
        try {
            w.ping(false, opaque.clone());
        } catch (IOException e) {
            writeFailed(e);
            return;
        }
        H2cThreads.timer().schedule(() -> {
            synchronized (this) {
                if (probe != opaque) {
                    return; // answered
                }
            }
            retire();
            close(new IOException("HTTP/2 connection to " + origin + " closed: no answer to PING within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms after a request timed out"));
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** The server answered a PING: a pending probe has its answer. */
    synchronized void pingAnswered(byte[] payload) {
        if (probe != null && java.util.Arrays.equals(probe, payload)) {
            probe = null;
        }
    }

    /** Takes no new streams from now on. */
    void retire() {
        synchronized (this) {
            accepting = false;
        }
        registry.retire(this);
    }









    /** Applies the server's SETTINGS ({@code -1}: not given), which may let queued streams start. */
    void applySettings(int maxFrameSize, int maxStreams) {
        synchronized (this) {
            if (maxFrameSize >= 0) {
                peerMaxFrameSize = maxFrameSize;
            }
            if (maxStreams >= 0) {
                maxConcurrentStreams = maxStreams;
            } else if (!settingsSeen) {
                maxConcurrentStreams = Integer.MAX_VALUE; // the server's preface set no limit
            }
            settingsSeen = true;
        }
        startQueued();
    }

    /**
     * The server sent GOAWAY: streams above {@code lastStreamId} were not processed and fail (a retry
     * may pass), queued ones move to a new connection, and this one closes after its last stream.
     */
    void goAway(int lastStreamId, String why) {
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





    /** The open stream {@code id}, or null for one already closed; a frame for an idle stream is an error. */
    H2cStream<?> stream(int id) throws Http2Exception {
        synchronized (this) {
            H2cStream<?> stream = active.get(id);
            if (stream == null && id >= nextStreamId) {
                throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected frames only on streams this client"
                        + " opened, found one on idle stream " + id);
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
        Socket s = socket;
        if (s == null) {
            return; // connect() closes it once it sees this connection closed
        }
        Dialer.closeQuietly(s);
    }

}
