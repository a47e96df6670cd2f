/**
 * Grids and coordinate reference systems.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>CRS</b>: a coordinate reference system, identified by its EPSG code;</li>
 *   <li><b>geotransform</b>: the affine map from pixel (column, row) to CRS coordinates (x, y),
 *       with GDAL's six coefficients: {@code x = originX + column * xPerColumn + row * xPerRow},
 *       {@code y = originY + column * yPerColumn + row * yPerRow}; pixel (0, 0) is the top-left
 *       corner of the top-left pixel;</li>
 *   <li><b>grid</b>: a width and height in pixels, a geotransform and a CRS;</li>
 *   <li><b>envelope</b>: an axis-aligned rectangle {@code minX, minY, maxX, maxY} in a CRS's own
 *       axis units and order (x east-ish, y north-ish).</li>
 * </ul>
 */
package org.cogcube.geo;
