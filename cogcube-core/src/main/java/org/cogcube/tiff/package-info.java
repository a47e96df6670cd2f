/**
 * The structure of TIFF and BigTIFF files: header, IFDs, tags and their values, and how the
 * pixels of an IFD are stored.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>IFD</b>: an image file directory, a list of entries (tag, field type, count, values)
 *       describing one image: the full resolution, an overview or a mask;</li>
 *   <li><b>tag</b>: the number that says what an entry means ({@link org.cogcube.tiff.Tag});</li>
 *   <li><b>chunk</b>: a tile or a strip, the unit in which pixels are stored and compressed;</li>
 *   <li><b>planar</b>: PlanarConfiguration 2, each band in chunks of its own; otherwise the
 *       samples of a pixel are interleaved;</li>
 *   <li><b>ghost header</b>: GDAL's structural metadata placed right after the TIFF header of a
 *       COG ({@code GDAL_STRUCTURAL_METADATA_SIZE=...}).</li>
 * </ul>
 *
 * <p>Parsing distrusts every number: offsets and counts are checked against the file size,
 * IFD chains against cycles, and sizes against absurd values; failures are
 * {@link org.cogcube.MalformedFileException}s naming the file, the IFD and the tag.
 */
package org.cogcube.tiff;
