package org.cogcube.io.http2;

import java.util.Optional;

/** The parameters a SETTINGS frame carries (RFC 9113, section 6.5.2), with their identifiers. */
enum Setting {
    HEADER_TABLE_SIZE(0x1),
    ENABLE_PUSH(0x2),
    MAX_CONCURRENT_STREAMS(0x3),
    INITIAL_WINDOW_SIZE(0x4),
    MAX_FRAME_SIZE(0x5),
    MAX_HEADER_LIST_SIZE(0x6);

    final int id;

    Setting(int id) {
        this.id = id;
    }

    /** The setting of {@code id}, or empty for an unknown one, which a receiver ignores. */
    static Optional<Setting> of(int id) {
        for (Setting s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
