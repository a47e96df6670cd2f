package org.cogcube.client;

/**
 * Whether a cube's files are cut by the server that serves them, or read by range requests.
 * {@code cogcube serve} can cut files itself and says so on its catalogues; any other server (nginx,
 * object storage) and local files are read by ranges whatever this says.
 */
public enum ServerSubset {
    /**
     * Through the server's cut endpoint when the catalogue's response advertises one (a
     * {@code Link} header of relation {@code cogcube-cut}): one request for all dates for the pixels of
     * the region only. Files of other origins, and requests the endpoint does not serve, are read by
     * ranges. A cube opened for a first query also asks its cuts beside the catalogue.
     */
    WHEN_ADVERTISED,
    /** Always by range requests, tile by tile, as from any static server; nothing is asked of a cut endpoint. */
    NEVER
}
