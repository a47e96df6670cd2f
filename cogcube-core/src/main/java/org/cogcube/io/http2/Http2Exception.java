package org.cogcube.io.http2;

/**
 * A breach of RFC 9113 by the peer that ends the whole connection (a connection error, section
 * 5.4.1): the connection sends GOAWAY with {@link #code()} and fails every stream.
 */
final class Http2Exception extends Exception {
    private final ErrorCode code;

    Http2Exception(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
