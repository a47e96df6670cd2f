package org.cogcube.io.http2;

/** A header block that does not decode: a connection error of type COMPRESSION_ERROR (RFC 9113, 4.3). */
final class HpackException extends RuntimeException {
    HpackException(String message) {
        super(message);
    }
}
