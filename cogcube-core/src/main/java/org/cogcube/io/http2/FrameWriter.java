package org.cogcube.io.http2;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes frames to a connection, one whole frame (or HEADERS with its CONTINUATIONs) at a time:
 * every write holds {@link #lock}, which callers may also hold to write several frames in order.
 */
final class FrameWriter {
    /** The client connection preface (RFC 9113, section 3.4). */
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    final ReentrantLock lock = new ReentrantLock();
    private final OutputStream out;

    FrameWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** The preface, then SETTINGS with {@code settings}, then a connection WINDOW_UPDATE if {@code extraWindow > 0}. */
    void preface(Map<Setting, Integer> settings, int extraWindow) throws IOException {
        lock.lock();
        try {
            out.write(PREFACE);
            writeSettings(settings);
            if (extraWindow > 0) {
                writeWindowUpdate(0, extraWindow);
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    void settings(Map<Setting, Integer> settings) throws IOException {
        lock.lock();
        try {
            writeSettings(settings);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    void settingsAck() throws IOException {
        write(FrameType.SETTINGS, Frame.ACK, 0, new byte[0]);
    }

    void windowUpdate(int streamId, int increment) throws IOException {
        lock.lock();
        try {
            writeWindowUpdate(streamId, increment);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    void ping(boolean ack, byte[] opaque) throws IOException {
        write(FrameType.PING, ack ? Frame.ACK : 0, 0, opaque);
    }

    void rstStream(int streamId, ErrorCode code) throws IOException {
        write(FrameType.RST_STREAM, 0, streamId, int32(code.code));
    }

    /**
     * GOAWAY, unless another thread has been writing for more than a second (its peer not reading):
     * then the connection is closed without it.
     */
    void tryGoAway(int lastStreamId, ErrorCode code, String debug) {
        try {
            if (!lock.tryLock(1, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            byte[] text = debug.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[8 + Math.min(text.length, 256)];
            System.arraycopy(int32(lastStreamId), 0, payload, 0, 4);
            System.arraycopy(int32(code.code), 0, payload, 4, 4);
            System.arraycopy(text, 0, payload, 8, payload.length - 8);
            frame(FrameType.GOAWAY.code, 0, 0, payload, 0, payload.length);
            out.flush();
        } catch (IOException ignored) {
            // the connection is being closed because it failed; GOAWAY is a courtesy
        } finally {
            lock.unlock();
        }
    }

    /** HEADERS carrying {@code block}, split into CONTINUATION frames of at most {@code maxFrameSize} bytes. */
    void headers(int streamId, byte[] block, boolean endStream, int maxFrameSize) throws IOException {
        lock.lock();
        try {
            int first = Math.min(block.length, maxFrameSize);
            int flags = (endStream ? Frame.END_STREAM : 0) | (first == block.length ? Frame.END_HEADERS : 0);
            frame(FrameType.HEADERS.code, flags, streamId, block, 0, first);
            for (int at = first; at < block.length; ) {
                int n = Math.min(block.length - at, maxFrameSize);
                frame(FrameType.CONTINUATION.code, at + n == block.length ? Frame.END_HEADERS : 0, streamId, block, at, n);
                at += n;
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Any frame, for tests that play a server. */
    void write(FrameType type, int flags, int streamId, byte[] payload) throws IOException {
        lock.lock();
        try {
            frame(type.code, flags, streamId, payload, 0, payload.length);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    private void writeSettings(Map<Setting, Integer> settings) throws IOException {
        byte[] payload = new byte[6 * settings.size()];
        int at = 0;
        for (Map.Entry<Setting, Integer> e : settings.entrySet()) {
            payload[at] = (byte) (e.getKey().id >>> 8);
            payload[at + 1] = (byte) e.getKey().id;
            System.arraycopy(int32(e.getValue()), 0, payload, at + 2, 4);
            at += 6;
        }
        frame(FrameType.SETTINGS.code, 0, 0, payload, 0, payload.length);
    }

    private void writeWindowUpdate(int streamId, int increment) throws IOException {
        frame(FrameType.WINDOW_UPDATE.code, 0, streamId, int32(increment), 0, 4);
    }

    private void frame(int type, int flags, int streamId, byte[] payload, int offset, int length) throws IOException {
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(type);
        out.write(flags);
        out.write(int32(streamId & 0x7fffffff));
        out.write(payload, offset, length);
    }

    static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
