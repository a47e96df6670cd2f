/**
 * The embedded HTTP/1.1 and HTTP/2 server that publishes a cube folder, read-only, on Jetty 12:
 * {@link org.cogcube.server.CubeServer#start(org.cogcube.server.ServerOptions)} returns a running
 * server to close when done.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>root</b>: the folder served, taken by its real path (symbolic links resolved) at start;</li>
 *   <li><b>request path</b>: the path of a request exactly as sent, still percent-encoded; it is
 *       decoded once, by {@code SafePaths}, and nowhere else;</li>
 *   <li><b>servable</b>: a regular file or folder whose real path lies under the root's and has
 *       no segment starting with a dot (hidden); everything else is 404, whether it exists or not;</li>
 *   <li><b>version</b>: one file as it is on disk at one moment, named by a strong <b>ETag</b> made of
 *       its identity on disk (device and inode), size and modification time; ingest replaces a file
 *       by renaming a new one over it, which always makes a new version;</li>
 *   <li><b>span</b>: a satisfiable byte range of a version, first and last byte inclusive;</li>
 *   <li><b>catalogue</b>: the JSON files ({@code .json}, {@code .geojson}) that map dates to layers.</li>
 * </ul>
 *
 * <p>What a response promises:
 * <ul>
 *   <li><b>One version per response.</b> A response is read through one open file, so it is wholly
 *       the old file or wholly the new one, and carries that version's ETag; ranges asked with
 *       {@code If-Range} and a stale ETag get the whole new file (200), never new bytes under an old
 *       tag.</li>
 *   <li><b>Ranges</b>: one span gives 206 with {@code Content-Range}; several give
 *       {@code multipart/byteranges}; none satisfiable gives 416 with {@code Content-Range: bytes *}{@code /size}.
 *       More than 100 ranges, or overlapping ranges adding up to more than the file, are refused
 *       (416) rather than letting a small request cost a large answer.</li>
 *   <li><b>Caching</b>: a catalogue is {@code max-age=60, must-revalidate}: a viewer may reuse it for a
 *       minute, which delays a newly ingested date by at most that, and then revalidates it for the
 *       price of a 304. Everything else (COGs, VRTs) is {@code no-cache}: kept, but revalidated by ETag
 *       before each use. A short max-age on imagery would let a client combine cached tiles of the old
 *       version of a file with new tiles of the replaced one, which decodes to garbage; revalidation
 *       costs a round trip but never mixes versions. (GDAL keeps its own per-process cache and does
 *       not use these headers.)</li>
 *   <li><b>gzip</b> for text (JSON, XML, VRT) of 256 B to 8 MiB when asked by {@code Accept-Encoding}
 *       and no range is asked: compressed once per version and cached, with its own ETag
 *       ({@code -gzip} inside the quotes); never for imagery, which is compressed already and read by
 *       ranges.</li>
 *   <li><b>CORS</b>: every response allows any origin and exposes {@code Content-Range},
 *       {@code Content-Length}, {@code ETag} and {@code Accept-Ranges}, so viewers and notebooks on other
 *       origins can read by ranges (a cut's answer exposes {@code ETag} and
 *       {@code Cogcube-Catalog-ETag}); preflights ({@code OPTIONS}) allow {@code Range} and the
 *       conditional headers.</li>
 *   <li><b>Cuts</b>: {@code GET /_cogcube/cut} answers the pixels of a region in a few layer files
 *       (see {@code CutHandler}), cacheable under a strong ETag of the request and the files'
 *       versions; every catalogue response carries {@code Link: </_cogcube/cut>; rel="cogcube-cut"}
 *       so that cogcube clients use it. A query may name its catalogue instead of its files
 *       ({@code catalog=PATH&band=...}): the catalogue is read as a request for its path would
 *       find it, its files picked as the client picks them, and the answer is the same cuts, with
 *       the catalogue's ETag in {@code Cogcube-Catalog-ETag} and an ETag that also follows the
 *       catalogue's version; clients send it beside the catalogue's {@code GET}.</li>
 *   <li><b>Read-only</b>: {@code GET}, {@code HEAD} and {@code OPTIONS}; every other method is 405.</li>
 *   <li><b>Limits</b>: idle connections and HTTP/1.1 requests whose headers trickle in are closed
 *       ({@link org.cogcube.server.ServerOptions.Limits}); request headers are capped (414 or 431),
 *       and so are HTTP/2 streams per connection.</li>
 * </ul>
 *
 * <p>TLS is BoringSSL through Conscrypt where its native library (bundled in its jar) loads, else
 * the JDK's own ({@link org.cogcube.server.TlsProvider}); either negotiates h2 or http/1.1 by ALPN.
 * Records are encrypted several at a time into one buffer and written with one system call
 * ({@code BatchingTls}), not one call per record as Jetty's TLS connections do.
 *
 * <p>Versions asked for again and again stay open between responses ({@code OpenFiles}): a response
 * then costs one {@code stat} of its file (to check the path still names that version) instead of
 * an open, two {@code stat}s, an {@code fstat} and a close; versions unused for a while are closed.
 *
 * <p>Files are read by the thread that handles the request, without handing over to another
 * (like nginx without thread pools): fast when the cube is on a local disk or in the page cache,
 * which is what the server is for.
 */
package org.cogcube.server;
