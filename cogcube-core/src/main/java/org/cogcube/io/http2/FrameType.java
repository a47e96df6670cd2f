package org.cogcube.io.http2;

import java.util.Optional;

/** The frame types of RFC 9113, section 6, with their codes. */
enum FrameType {
    DATA(0x0),
    HEADERS(0x1),
    PRIORITY(0x2),
    RST_STREAM(0x3),
    SETTINGS(0x4),
    PUSH_PROMISE(0x5),
    PING(0x6),
    GOAWAY(0x7),
    WINDOW_UPDATE(0x8),
    CONTINUATION(0x9);

    private static final FrameType[] BY_CODE = values();

    final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The type of {@code code}, or empty for an extension type, which a receiver ignores (section 5.5). */
    static Optional<FrameType> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
