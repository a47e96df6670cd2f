/**
 * cogcube's core library: what a user embeds to read and write the files of a data cube.
 *
 * <p>This package holds only the exception tree that every other package throws. Every
 * failure cogcube reports is a {@link org.cogcube.CogcubeException}; its subclasses are the
 * failures a caller can act on:
 * <ul>
 *   <li>{@link org.cogcube.MalformedFileException}: a file or response is not what its format
 *       promises (truncated, offsets past the end, cyclic IFD chains, absurd sizes);</li>
 *   <li>{@link org.cogcube.UnsupportedFeatureException}: a valid file uses something cogcube
 *       does not implement (a compression code, a user-defined CRS);</li>
 *   <li>{@link org.cogcube.SourceException}: the bytes could not be obtained (I/O error, HTTP
 *       status, timeout), naming the source and the byte range;</li>
 *   <li>{@link org.cogcube.SourceChangedException}: the source changed while being read (its
 *       ETag or size differs from when it was opened);</li>
 *   <li>{@link org.cogcube.MalformedCatalogException}: a cube's catalogue is malformed (bad JSON,
 *       a date that does not parse, a layer listed twice, an href leaving the cube's folder),
 *       naming the catalogue and the item, date or asset;</li>
 *   <li>{@link org.cogcube.UnknownLayerException}: a layer asked for by a name the cube does not
 *       have, listing the names it has;</li>
 *   <li>{@link org.cogcube.InvalidRegionException}: a region to cut to is empty, not polygonal or
 *       an invalid polygon;</li>
 *   <li>{@link org.cogcube.RegionOutsideException}: a region to cut to shares no point with the
 *       grid.</li>
 * </ul>
 */
package org.cogcube;
