package org.cogcube;

/** The root of every exception cogcube throws. Messages say what was expected, what was found and where. */
public class CogcubeException extends RuntimeException {
    public CogcubeException(String message) {
        super(message);
    }

    public CogcubeException(String message, Throwable cause) {
        super(message, cause);
    }
}
