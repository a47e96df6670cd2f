/**
 * Rasters: the typed pixel values a read returns, with the grid that places them.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>band</b>: one variable of a raster, e.g. a Sentinel-2 band or a cloud probability;</li>
 *   <li><b>sample</b>: the value of one band at one pixel, of a {@link org.cogcube.raster.SampleType};</li>
 *   <li><b>window</b>: a rectangle of pixels of an image, by column, row, width and height, in the
 *       pixel space of the image (or overview) it applies to;</li>
 *   <li><b>raster</b>: the samples of some bands over a window, with the window's grid and the
 *       nodata value.</li>
 * </ul>
 */
package org.cogcube.raster;
