/**
 * Making and updating cubes: {@code create} fixes a cube's grid, {@code ingest} adds or replaces one
 * date, safely while readers read and cron runs.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>cube grid</b>: the CRS, resolution, origin and extent every layer of every date is warped
 *       onto, fixed when the cube is created and kept in {@value CubeGrid#FILE} beside the catalogues
 *       (the catalogues stay plain STAC and simple catalogues: a cube with no date yet still knows
 *       its grid);</li>
 *   <li><b>input</b>: one band of a file (GeoTIFF or VRT, local or remote) to ingest into a layer
 *       ({@link Input}); several inputs of one layer are mosaicked, later over earlier;</li>
 *   <li><b>generation</b>: one written version of a layer file. Its name carries a hash of its
 *       content ({@code 2018-01-02/B04.3f9c0a1b2c3d4e5f.tif}), so the same content always gets the
 *       same name and a new version never overwrites a file a reader may still be reading;</li>
 *   <li><b>chunked layer</b>: a layer written as several COGs (chunks of a square of the grid) and
 *       a GDAL VRT over them, which the catalogue points at;</li>
 *   <li><b>garbage</b>: generations no catalogue references any more and temporary files a killed
 *       ingest left; the next ingest deletes them, so a reader that fetched the previous catalogue
 *       has until then to read its files;</li>
 *   <li><b>derived layer</b>: a float32 layer computed per pixel from other layers of the same date
 *       by an arithmetic expression ({@link Derivation}).</li>
 * </ul>
 *
 * <p>The order that makes an ingest safe to kill at any moment: every new file is written under a
 * temporary name, forced to disk, and renamed to its generation name; only then are the
 * catalogues replaced (each atomically); garbage is collected by the next ingest. Until the
 * catalogue rename, the previous catalogue and all its files are untouched.
 */
package org.cogcube.ingest;
