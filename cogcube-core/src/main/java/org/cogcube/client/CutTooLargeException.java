package org.cogcube.client;

import org.cogcube.CogcubeException;

/** A cut request asks for more pixels than the server allows in one request (HTTP 413). */
public class CutTooLargeException extends CogcubeException {
    public CutTooLargeException(String message) {
        super(message);
    }
}
