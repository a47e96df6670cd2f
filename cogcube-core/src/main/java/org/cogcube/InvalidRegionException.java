package org.cogcube;

/**
 * A region cannot be used to cut a grid: it is empty, not polygonal, or an invalid polygon (a
 * self-intersecting ring, a hole outside its shell). The message says what was found and where.
 */
public class InvalidRegionException extends CogcubeException {
    public InvalidRegionException(String message) {
        super(message);
    }
}
