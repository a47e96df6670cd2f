package org.cogcube.io.http2;

import java.nio.charset.StandardCharsets;

/**
 * One header field: a name and a value, each a sequence of octets (kept as ISO-8859-1 text, one
 * character per octet). Pseudo-header fields have names starting with {@code :}.
 */
record HeaderField(String name, String value) {
    /** The size HPACK counts for an entry of the dynamic table (RFC 7541, section 4.1). */
    int size() {
        return name.length() + value.length() + 32;
    }

    static byte[] octets(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
