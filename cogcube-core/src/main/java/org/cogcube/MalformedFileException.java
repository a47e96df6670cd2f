package org.cogcube;

/** A file (or a response body) does not follow the format it claims: truncated, inconsistent or hostile. */
public class MalformedFileException extends CogcubeException {
    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
