package org.cogcube.io.http2;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads frames from a connection, refusing any larger than this side allows. */
final class FrameReader {
    private final DataInputStream in;
    private final byte[] header = new byte[Frame.HEADER_LENGTH];

    FrameReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /**
     * The next frame, blocking until it has arrived whole.
     *
     * @param maxSize the SETTINGS_MAX_FRAME_SIZE this side advertised
     * @return the frame, or null when the peer closed the connection cleanly between frames
     * @throws Http2Exception FRAME_SIZE_ERROR for a frame larger than {@code maxSize}
     * @throws IOException when the connection fails or closes inside a frame
     */
    Frame next(int maxSize) throws IOException, Http2Exception {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        try {
            in.readFully(header, 1, Frame.HEADER_LENGTH - 1);
        } catch (EOFException e) {
            throw new EOFException("expected a 9-byte frame header, found the connection closed inside one");
        }
        int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        int type = header[3] & 0xff;
        int flags = header[4] & 0xff;
        int streamId = (((header[5] & 0xff) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8)
                | (header[8] & 0xff)) & 0x7fffffff;
        if (length > maxSize) {
            throw new Http2Exception(ErrorCode.FRAME_SIZE_ERROR, "expected frames of at most " + maxSize
                    + " bytes (SETTINGS_MAX_FRAME_SIZE), found a " + length + "-byte "
                    + FrameType.of(type).map(Enum::name).orElse("frame") + " on stream " + streamId);
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            throw new EOFException("expected a " + length + "-byte frame payload, found the connection closed"
                    + " inside it");
        }
        return new Frame(type, flags, streamId, payload);
    }
}
