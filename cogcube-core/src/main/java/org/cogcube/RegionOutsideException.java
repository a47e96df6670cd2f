package org.cogcube;

/**
 * A region to cut a grid to shares no point with the grid: there is nothing to read. The message
 * gives the region's envelope and the grid's, in the grid's CRS.
 */
public class RegionOutsideException extends CogcubeException {
    public RegionOutsideException(String message) {
        super(message);
    }
}
