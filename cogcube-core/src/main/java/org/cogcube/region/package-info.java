/**
 * Regions, and grids cut to them the way {@code gdalwarp -cutline region -crop_to_cutline}
 * (GDAL 3.6) cuts them, pixel for pixel.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>region</b>: an area of interest, one or more polygons (holes allowed) in a CRS, read
 *       from GeoJSON, WKT or an ESRI shapefile by {@link org.cogcube.region.Regions};</li>
 *   <li><b>feature</b>: one polygonal geometry of a region file, with its id and properties;</li>
 *   <li><b>shapefile</b>: ESRI's format: a {@code .shp} of shapes (here polygons; {@code Shp*}),
 *       a {@code .dbf} table of their properties ({@code Dbf*}), a {@code .prj} naming the CRS
 *       ({@code EsriPrj}), a {@code .cpg} naming the text's code page; a <b>record</b> is one
 *       shape and its row, a <b>part</b> one ring of it;</li>
 *   <li><b>cutline</b>: a region applied to one grid: the {@link org.cogcube.region.Cutline}'s
 *       window and mask;</li>
 *   <li><b>window</b>: the rectangle of source pixels the cut covers, in source pixel space; it
 *       may reach past the grid's edges, where there is only nodata;</li>
 *   <li><b>mask</b>: the pixels of the window that are kept; the others are nodata;</li>
 *   <li><b>pixel centre</b>: the point ({@code column + 0.5}, {@code row + 0.5}) in pixel space; by
 *       default a pixel is kept when GDAL's rasteriser finds its centre inside the region;</li>
 *   <li><b>all touched</b>: the variant ({@code -wo CUTLINE_ALL_TOUCHED=TRUE}) that also keeps the
 *       pixels a ring of the region passes through, and widens the window to every pixel the
 *       region's envelope touches.</li>
 * </ul>
 *
 * <p>The region must already be in the grid's CRS: reprojection happens elsewhere. Only
 * north-up grids can be cut.
 */
package org.cogcube.region;
