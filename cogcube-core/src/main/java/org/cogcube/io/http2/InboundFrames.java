package org.cogcube.io.http2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a connection's reader thread does with each frame from the server: checks it against RFC
 * 9113, assembles header blocks (HEADERS and CONTINUATION) and decodes them with HPACK, keeps the
 * connection's receive window, answers PING and SETTINGS, and hands what concerns a stream or the
 * connection's state to {@link H2cConnection}. Used by the reader thread only.
 */
final class InboundFrames {
    private static final int MAX_HEADER_BLOCK = 1 << 20;

    private final H2cConnection connection;
    private final HpackDecoder decoder;
    private int connectionWindow = H2cConnection.CONNECTION_WINDOW;
    private int connectionConsumed;
    private ByteArrayOutputStream headerBlock;
    private int headerStream;
    private boolean headerEndStream;

    InboundFrames(H2cConnection connection, HpackDecoder decoder) {
        this.connection = connection;
        this.decoder = decoder;
    }

    /**
     * Handles one frame, in the order frames arrive.
     *
     * @throws Http2Exception for a breach of the protocol: a connection error
     * @throws IOException when an answer (ACK, WINDOW_UPDATE) cannot be written
     */
    void dispatch(Frame f) throws IOException, Http2Exception {
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

    private void onData(Frame f) throws IOException, Http2Exception {
        requireStream(f);
        int length = f.payload().length;
        connectionWindow -= length;
        if (connectionWindow < 0) {
            throw new Http2Exception(ErrorCode.FLOW_CONTROL_ERROR, "expected at most " + (connectionWindow + length)
                    + " bytes within the connection's flow-control window, found a DATA frame of " + length);
        }
        connectionConsumed += length; // credited on arrival: each stream's own window bounds what waits
        if (connectionConsumed >= H2cConnection.CONNECTION_WINDOW / 2) {
            connectionWindow += connectionConsumed;
            connection.windowUpdate(0, connectionConsumed);
            connectionConsumed = 0;
        }
        int[] bounds = unpad(f, 0);
        H2cStream<?> stream = connection.stream(f.streamId());
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
        H2cStream<?> stream = connection.stream(headerStream);
        if (stream != null) {
            stream.onHeaders(fields, headerEndStream);
        }
    }

    private void onReset(Frame f) throws Http2Exception {
        requireStream(f);
        requireLength(f, 4);
        H2cStream<?> stream = connection.stream(f.streamId());
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
        int maxFrameSize = -1;
        int maxStreams = -1;
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
                    maxFrameSize = value;
                }
                case MAX_CONCURRENT_STREAMS -> {
                    maxStreams = value < 0 ? Integer.MAX_VALUE : value;
                }
                case HEADER_TABLE_SIZE, MAX_HEADER_LIST_SIZE -> {
                    // requests use no dynamic table and carry few headers
                }
            }
        }
        FrameWriter w = connection.writerOrNull();
        if (w != null) {
            w.settingsAck();
        }
        connection.applySettings(maxFrameSize, maxStreams);
    }

    private void onPing(Frame f) throws IOException, Http2Exception {
        if (f.streamId() != 0) {
            throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected PING on stream 0, found " + f);
        }
        requireLength(f, 8);
        if (f.has(Frame.ACK)) {
            connection.pingAnswered(f.payload());
            return;
        }
        FrameWriter w = connection.writerOrNull();
        if (w != null) {
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
                + new String(f.payload(), 8, f.payload().length - 8, StandardCharsets.UTF_8) + ")" : "");
        connection.goAway(lastStreamId, why);
    }

    private void onWindowUpdate(Frame f) throws Http2Exception {
        requireLength(f, 4);
        int increment = f.intAt(0) & 0x7fffffff;
        if (increment == 0) {
            if (f.streamId() == 0) {
                throw new Http2Exception(ErrorCode.PROTOCOL_ERROR, "expected a WINDOW_UPDATE increment of 1 or"
                        + " more, found 0 on the connection");
            }
            H2cStream<?> stream = connection.stream(f.streamId());
            if (stream != null) {
                stream.fail(new IOException("HTTP/2 stream " + f.streamId() + " of " + connection.origin() + ": expected a"
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
}
