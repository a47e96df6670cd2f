package org.cogcube.ingest;

import org.cogcube.CogcubeException;

/** Another ingest holds a cube's lock and the caller asked not to wait. */
public final class CubeBusyException extends CogcubeException {
    private static final long serialVersionUID = 1L;

    public CubeBusyException(String message) {
        super(message);
    }
}
