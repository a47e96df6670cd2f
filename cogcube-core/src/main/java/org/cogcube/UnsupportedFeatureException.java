package org.cogcube;

/** A well-formed file uses a feature cogcube does not implement; the message names the feature. */
public class UnsupportedFeatureException extends CogcubeException {
    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
