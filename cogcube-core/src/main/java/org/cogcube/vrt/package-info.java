/**
 * Reading GDAL virtual rasters (VRT): an XML document that describes a raster as a mosaic of
 * windows of other rasters, local or remote, such as one {@code .vrt} per date and band over a
 * grid of Cloud Optimized GeoTIFF chunks.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>VRT</b>: the XML document ({@code VRTDataset}): a size, a CRS, a geotransform and one
 *       or more bands ({@code VRTRasterBand}), each with a data type, an optional nodata value,
 *       scale and offset, and a list of sources;</li>
 *   <li><b>source</b>: one element of a band ({@code SimpleSource} or {@code ComplexSource}) that
 *       paints a window of one band of another raster (a GeoTIFF, or a nested VRT) into the band;
 *       the raster it names is its <b>source raster</b>, opened once per location and kept;</li>
 *   <li><b>SrcRect</b>: the rectangle of the source raster read, in its pixels ({@code xOff, yOff,
 *       xSize, ySize}, possibly fractional); when SrcRect and DstRect are both absent, the whole source raster is
 *       painted at the VRT's origin;</li>
 *   <li><b>DstRect</b>: the rectangle of the VRT band it is painted onto, in the VRT's whole
 *       pixels; when its size differs from SrcRect's, each VRT pixel takes the source pixel under
 *       its centre (nearest neighbour);</li>
 *   <li><b>painting order</b>: a band starts filled with its nodata value (0 when it has none), then
 *       its sources paint in document order, a later one over an earlier one. A ComplexSource's
 *       {@code NODATA} pixels are not painted and leave what lies underneath; its other pixels are
 *       {@code value * ScaleRatio + ScaleOffset};</li>
 *   <li><b>placement</b>: where one source meets a read window: the window of the source raster
 *       to read and the pixels of the window it paints, pure arithmetic done before any I/O;</li>
 *   <li><b>conversion</b>: how a source value becomes a sample of the band's data type, as GDAL
 *       does it: rounded half away from zero and clamped to the type's range for integers.</li>
 * </ul>
 *
 * <p>A read goes in the steps the rest of cogcube uses: plan (which sources a window touches),
 * fetch (open every touched source raster at once, then read every placement at once), and
 * assemble (paint in painting order). {@link org.cogcube.vrt.Vrt} is the public face.
 */
package org.cogcube.vrt;
