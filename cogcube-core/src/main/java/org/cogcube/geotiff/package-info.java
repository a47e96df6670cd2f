/**
 * GeoTIFF's georeferencing and GDAL's metadata tags, read from and written to TIFF IFDs.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>GeoKey</b>: an entry of the GeoKeyDirectory tag (34735), e.g. GTModelTypeGeoKey
 *       (1024) or ProjectedCSTypeGeoKey (3072); cogcube understands CRSs given as EPSG codes
 *       and refuses user-defined ones (code 32767) with an error naming the keys;</li>
 *   <li><b>raster type</b>: PixelIsArea (the tiepoint is a pixel's corner) or PixelIsPoint (its
 *       centre); like GDAL, cogcube reports a corner-based geotransform for both;</li>
 *   <li><b>nodata</b>: GDAL's GDAL_NODATA tag (42113), the value that marks missing pixels;</li>
 *   <li><b>scale, offset</b>: from GDAL's GDAL_METADATA tag (42112), per band:
 *       {@code value = raw * scale + offset}.</li>
 * </ul>
 */
package org.cogcube.geotiff;
