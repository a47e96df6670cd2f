/**
 * Warping: placing the pixels of rasters in any CRS and resolution onto one target grid, as
 * {@code gdalwarp} does.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>target grid</b>: the grid every output pixel belongs to (a cube's grid);</li>
 *   <li><b>input</b>: one band of one raster to be warped onto the target grid ({@link WarpInput});
 *       several inputs of one layer form a <b>mosaic</b>: a later input covers an earlier one
 *       wherever it has data, and its nodata is transparent;</li>
 *   <li><b>mapping</b>: where a target pixel falls in an input, in the input's pixel space
 *       (column, row; the corner of the top-left pixel at 0, 0). A pixel's centre is at
 *       {@code (column + 0.5, row + 0.5)}. Coordinates are reprojected with proj4j; along each row
 *       a few points are reprojected exactly and the rest interpolated linearly while the error
 *       stays under {@value PixelMapping#MAX_ERROR} input pixel, as GDAL's approximate transformer
 *       does;</li>
 *   <li><b>kernel</b>: how the samples of an input around a mapped point make one value
 *       ({@link Kernel}: nearest, bilinear, average, mode);</li>
 *   <li><b>footprint</b>: the quadrilateral a target pixel covers in an input, approximated by
 *       the box between its mapped top-left and bottom-right corners (what the average and mode
 *       kernels gather).</li>
 * </ul>
 */
package org.cogcube.warp;
