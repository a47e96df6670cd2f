package org.cogcube.subset;

import org.cogcube.CogcubeException;

/** A cut request's parameter is missing, repeated, unknown or malformed; the message names it. */
public class BadParameterException extends CogcubeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super("parameter " + parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The parameter's name. */
    public String parameter() {
        return parameter;
    }
}
