package org.cogcube.tiff.codec;

import org.cogcube.MalformedFileException;

/**
 * Compressed (or stored) data ended before it gave the bytes asked of it, without being corrupt so
 * far: either the chunk is truncated, or only the start of a chunk was given on purpose (a window
 * that needs the chunk's top rows fetches a prefix first) and more of it is needed.
 */
public class TruncatedDataException extends MalformedFileException {
    public TruncatedDataException(String message) {
        super(message);
    }

    public TruncatedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
