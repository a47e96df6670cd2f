/**
 * The wire format of server-side cuts: what a client asks a cogcube server to cut, named by its
 * files ({@link org.cogcube.subset.CutRequest}, the query string of {@code GET /_cogcube/cut}) or by
 * its catalogue ({@link org.cogcube.subset.CatalogCutRequest}, which a client can send before it has
 * read the catalogue), and what the server answers ({@link org.cogcube.subset.CutAnswer}, one compact
 * binary body, the same for both; for a catalogue's query the header
 * {@value org.cogcube.subset.CatalogCutRequest#CATALOG_ETAG_HEADER} names the catalogue version read,
 * so that a client uses it only if it read that version too). The server computes
 * each file's cut exactly as the client would (see {@code org.cogcube.client.CutService}); the client
 * rebuilds from the answer what a range read would have given it.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>endpoint</b>: the URL that answers cut requests, {@value org.cogcube.subset.CutRequest#PATH}
 *       under the served root; a server that has one <b>advertises</b> it with a
 *       {@code Link: </_cogcube/cut>; rel="cogcube-cut"} header on its catalogues;</li>
 *   <li><b>catalogue's query</b>: bands, cloud layer, dates, region and all-touched, asked against a
 *       catalogue named by its path under the served root; its files are the query's files of that
 *       catalogue, date by date, the bands in the query's order and then the cloud layer, those of the
 *       endpoint's origin only;</li>
 *   <li><b>file</b>: a layer file named by its path under the served root, as in its URL (still
 *       percent-encoded), without the leading slash;</li>
 *   <li><b>entry</b>: what the answer says of one file: the version read, the file's grid, nodata and
 *       sample type, the cut's window inside the grid (none when the cut lies outside the grid) and
 *       the window's samples of the first band.</li>
 * </ul>
 */
package org.cogcube.subset;
