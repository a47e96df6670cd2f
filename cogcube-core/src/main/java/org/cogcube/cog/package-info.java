/**
 * Reading windows of GeoTIFFs (local or remote) and writing Cloud Optimized GeoTIFFs.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>level</b>: one resolution of an image: level 0 is the full resolution, level 1 the
 *       first (largest) overview, and so on;</li>
 *   <li><b>chunk</b>: a tile or strip, the unit of storage and compression (see
 *       {@link org.cogcube.tiff.ImageStructure});</li>
 *   <li><b>plan</b>: which chunks a window needs and which bytes hold them, pure arithmetic
 *       done before any I/O;</li>
 *   <li><b>COG layout</b>: GDAL's layout of a Cloud Optimized GeoTIFF: a ghost header of
 *       structural metadata, every IFD before any pixel data, the smallest overview's tiles
 *       first and the full resolution last, each tile preceded by its size (leader) and followed
 *       by a copy of its last 4 bytes (trailer).</li>
 * </ul>
 *
 * <p>A read goes in four separate steps: plan, fetch (one call to the
 * {@link org.cogcube.io.RangeReader} with every range), decode (in parallel), assemble.
 */
package org.cogcube.cog;
