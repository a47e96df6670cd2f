package org.cogcube.io.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server speaking HTTP/2 frames by a script, one per accepted connection, to make the
 * client meet what nginx never does on its own: GOAWAY, resets, padding, CONTINUATION, PING,
 * protocol errors, silence. A script's failure is kept and rethrown by {@link #close()}.
 */
final class ScriptedServer implements AutoCloseable {
    /** What the server does on one connection. */
    interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket listener;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    ScriptedServer(Script... scripts) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            for (Script script : scripts) {
                try {
                    Socket socket = listener.accept();
                    sockets.add(socket);
                    Thread t = new Thread(() -> {
                        try (socket) {
                            script.run(new Peer(socket));
                        } catch (Throwable e) {
                            if (!(closing && e instanceof IOException)) { // closing cuts scripts waiting for more
                                failures.add(e);
                            }
                        }
                    }, "scripted-h2-connection");
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "scripted-h2-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/" + path);
    }

    /** Closes every connection, waits for the scripts to end, and rethrows the first failure. */
    @Override
    public void close() throws Exception {
        closing = true;
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(20));
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof Exception e) {
                throw e;
            }
            throw (Error) first;
        }
    }

    /** The server's end of one connection. */
    static final class Peer {
        final Socket socket;
        final FrameReader reader;
        final FrameWriter writer;
        private final DataInputStream in;
        private final HpackDecoder decoder = new HpackDecoder(4096, 1 << 20);
        /** The header fields of each request received, by stream. */
        final Map<Integer, List<HeaderField>> requests = new LinkedHashMap<>();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            this.reader = new FrameReader(in);
            this.writer = new FrameWriter(socket.getOutputStream());
        }

        /** Reads the client's preface and SETTINGS, sends {@code settings} and the ACK. */
        void handshake(Map<Setting, Integer> settings) throws Exception {
            readPreface();
            writer.settings(settings);
            writer.settingsAck();
        }

        /** Reads the client's preface and SETTINGS only: this side's preface is still to be sent. */
        void readPreface() throws Exception {
            byte[] preface = new byte[FrameWriter.PREFACE.length];
            in.readFully(preface);
            assertArrayEquals(FrameWriter.PREFACE, preface, "the client's preface");
            Frame first = reader.next(Frame.MAX_MAX_SIZE);
            assertEquals(FrameType.SETTINGS.code, first.type(), "the client's first frame");
            assertFalse(first.has(Frame.ACK));
        }

        void handshake() throws Exception {
            handshake(Map.of());
        }

        /** The next frame that is not SETTINGS (ACK) or WINDOW_UPDATE; null at the end of the connection. */
        Frame next() throws Exception {
            while (true) {
                Frame f = reader.next(Frame.MAX_MAX_SIZE);
                if (f == null || !(f.is(FrameType.SETTINGS) || f.is(FrameType.WINDOW_UPDATE))) {
                    return f;
                }
            }
        }

        /** Reads up to the next request (HEADERS and any CONTINUATION) and returns its stream. */
        int awaitRequest() throws Exception {
            Frame f = next();
            assertEquals(FrameType.HEADERS.code, f == null ? -1 : f.type(), "expected a request, found " + f);
            return readRequest(f);
        }

        /** Decodes the request that starts with {@code headers}, reading its CONTINUATION frames. */
        int readRequest(Frame headers) throws Exception {
            java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
            block.writeBytes(headers.payload());
            Frame f = headers;
            while (!f.has(Frame.END_HEADERS)) {
                f = reader.next(Frame.MAX_MAX_SIZE);
                assertEquals(FrameType.CONTINUATION.code, f.type(), "expected CONTINUATION, found " + f);
                block.writeBytes(f.payload());
            }
            requests.put(headers.streamId(), decoder.decode(block.toByteArray()));
            return headers.streamId();
        }

        /** Sends a response: HEADERS with {@code :status} and {@code headers}, then {@code body} in DATA frames. */
        void respond(int stream, int status, Map<String, String> headers, byte[] body) throws IOException {
            List<HeaderField> fields = new ArrayList<>();
            fields.add(new HeaderField(":status", Integer.toString(status)));
            headers.forEach((name, value) -> fields.add(new HeaderField(name, value)));
            writer.headers(stream, HpackEncoder.encode(fields), body.length == 0, Frame.DEFAULT_MAX_SIZE);
            for (int at = 0; at < body.length; at += Frame.DEFAULT_MAX_SIZE) {
                int n = Math.min(Frame.DEFAULT_MAX_SIZE, body.length - at);
                writer.write(FrameType.DATA, at + n == body.length ? Frame.END_STREAM : 0, stream,
                        java.util.Arrays.copyOfRange(body, at, at + n));
            }
        }

        void goAway(int lastStreamId, ErrorCode code) throws IOException {
            byte[] payload = new byte[8];
            System.arraycopy(FrameWriter.int32(lastStreamId), 0, payload, 0, 4);
            System.arraycopy(FrameWriter.int32(code.code), 0, payload, 4, 4);
            writer.write(FrameType.GOAWAY, 0, 0, payload);
        }
    }
}
