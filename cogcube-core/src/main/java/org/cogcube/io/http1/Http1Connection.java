package org.cogcube.io.http1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.cogcube.io.net.Dialer;

/**
 * One connection (TCP, or TLS over it) to an origin and the bytes read from it but not yet consumed. Used by one
 * exchange at a time; not thread-safe.
 */
final class Http1Connection implements AutoCloseable {
    /** The longest status or header line accepted. */
    static final int MAX_LINE = 16 << 10;

    /** {@code host:port}, for messages. */
    final String origin;
    /** What the pool knows this connection by: its dialer's name and origin. */
    final String key;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[64 << 10];
    private int position;
    private int limit;
    private long received; // bytes read since the last request was written
    private long idleSince;

    private Http1Connection(String origin, String key, Socket socket) throws IOException {
        this.origin = origin;
        this.key = key;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A new connection to {@code host:port} through {@code dialer}, within {@code timeout}, pooled as {@code key}. */
    static Http1Connection open(Dialer dialer, String key, String host, int port, Duration timeout)
            throws IOException {
        Socket socket = dialer.open(host, port, timeout);
        try {
            return new Http1Connection(host + ":" + port, key, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends {@code head}, a whole request without a body; from now on reads count as the response's. */
    void send(byte[] head) throws IOException {
        received = 0;
        out.write(head);
        out.flush();
    }

    /** How long each read may wait before it fails with a {@link SocketTimeoutException}; 0 for ever. */
    void readTimeout(long millis) throws IOException {
        socket.setSoTimeout(millis <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, millis));
    }

    /** How many bytes of the response arrived since the request was sent. */
    long received() {
        return received;
    }

    /** The next line without its line end (CRLF or a bare LF), or null at the end of the connection. */
    String readLine() throws IOException {
        int start = position;
        while (true) {
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            if (limit - position >= MAX_LINE) {
                throw new IOException("expected a line of at most " + MAX_LINE + " bytes from " + origin
                        + ", found a longer one");
            }
            start = limit - position;
            compact();
            start += position;
            if (fill() < 0) {
                if (limit > position) {
                    throw new EOFException("the connection to " + origin + " closed in the middle of a line");
                }
                return null;
            }
        }
    }

    /**
     * Up to {@code max} bytes of the connection, those buffered first, else what one read of the
     * socket gives, in a new buffer that the caller owns; null at the end of the connection.
     */
    ByteBuffer take(int max) throws IOException {
        if (position < limit) {
            int n = Math.min(max, limit - position);
            byte[] copy = Arrays.copyOfRange(buffer, position, position + n);
            position += n;
            return ByteBuffer.wrap(copy);
        }
        byte[] chunk = new byte[Math.min(max, buffer.length)];
        int n = in.read(chunk);
        if (n < 0) {
            return null;
        }
        received += n;
        return ByteBuffer.wrap(chunk, 0, n);
    }

    /**
     * Reads up to {@code len} bytes of the connection into {@code b} at {@code off}, those buffered
     * first, else what one read of the socket gives; how many, or -1 at the end of the connection.
     */
    int readInto(byte[] b, int off, int len) throws IOException {
        if (position < limit) {
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            received += n;
        }
        return n;
    }

    /** Drops up to {@code max} bytes of the connection; how many, or -1 at its end. */
    int skip(int max) throws IOException {
        if (position == limit) {
            position = 0;
            limit = 0;
            if (fill() < 0) {
                return -1;
            }
        }
        int n = Math.min(max, limit - position);
        position += n;
        return n;
    }

    /** Whether bytes beyond the last response were received: a server that sends them cannot be trusted further. */
    boolean hasUnreadBytes() {
        return position < limit;
    }

    void markIdle(long nanos) {
        idleSince = nanos;
    }

    long idleSince() {
        return idleSince;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more can be done with it
        }
    }

    private void compact() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
    }

    private int fill() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n > 0) {
            limit += n;
            received += n;
        }
        return n;
    }
}
