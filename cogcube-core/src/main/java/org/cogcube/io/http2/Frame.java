package org.cogcube.io.http2;

/**
 * One frame as read (RFC 9113, section 4.1): its type code (an extension type keeps its code),
 * flags, stream and payload.
 */
record Frame(int type, int flags, int streamId, byte[] payload) {
    static final int END_STREAM = 0x1;
    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;
    static final int PADDED = 0x8;
    static final int PRIORITY = 0x20;

    /** The frame header's length: 24-bit length, type, flags, 31-bit stream identifier. */
    static final int HEADER_LENGTH = 9;
    /** The frame size every peer accepts, and the initial SETTINGS_MAX_FRAME_SIZE. */
    static final int DEFAULT_MAX_SIZE = 1 << 14;
    /** The largest SETTINGS_MAX_FRAME_SIZE allowed. */
    static final int MAX_MAX_SIZE = (1 << 24) - 1;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean is(FrameType t) {
        return type == t.code;
    }

    String typeName() {
        return FrameType.of(type).map(Enum::name).orElse("extension frame 0x" + Integer.toHexString(type));
    }

    /** The 32-bit big-endian integer at {@code offset} of the payload. */
    int intAt(int offset) {
        return ((payload[offset] & 0xff) << 24) | ((payload[offset + 1] & 0xff) << 16)
                | ((payload[offset + 2] & 0xff) << 8) | (payload[offset + 3] & 0xff);
    }

    @Override
    public String toString() {
        return typeName() + "[stream " + streamId + ", flags 0x" + Integer.toHexString(flags) + ", "
                + payload.length + " bytes]";
    }
}
