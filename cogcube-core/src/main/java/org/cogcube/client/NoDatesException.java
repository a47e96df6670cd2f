package org.cogcube.client;

import org.cogcube.CogcubeException;

/**
 * A query names dates the cube does not have: a range holding none of its dates, or a listed
 * date it lacks. The message gives the cube's first and last dates.
 */
public class NoDatesException extends CogcubeException {
    public NoDatesException(String message) {
        super(message);
    }
}
