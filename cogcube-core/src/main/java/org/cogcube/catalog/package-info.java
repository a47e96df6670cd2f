/**
 * A cube's catalogue: which files hold which layer at which date, read and written as a STAC
 * ItemCollection or as the simple catalogue.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>cube</b>: a folder (local or behind any HTTP server) holding one Cloud Optimized GeoTIFF
 *       (or VRT) per date and layer, and the catalogues that list them;</li>
 *   <li><b>catalogue</b>: the JSON file that maps dates to the cube's files ({@link Catalog} in
 *       memory). cogcube writes two of the same content: {@code catalog.json}, a STAC 1.0
 *       ItemCollection, and {@code catalog-simple.json}, the simple catalogue (see {@link Catalogs});</li>
 *   <li><b>layer</b>: one named quantity of the cube (a spectral band such as B04, a cloud mask),
 *       with one file per date, all of one sample type ({@link Layer}). A cube's layers have a fixed
 *       order, the order of the simple catalogue's lists;</li>
 *   <li><b>acquisition</b>: one date of the cube (with its time of day when known) and its files,
 *       one per layer ({@link Acquisition}); a STAC Item;</li>
 *   <li><b>asset</b>: the file of one layer at one acquisition, with its media type and, where it
 *       differs from the rest of the cube, its grid and raster band ({@link Asset}); a STAC asset,
 *       keyed by the layer's name;</li>
 *   <li><b>href</b>: how a catalogue names an asset's file: a URI reference, relative to the
 *       catalogue's own location (a cube folder can move or be served as it is) or absolute. Read,
 *       every href becomes an absolute URI; a relative href of a local catalogue must stay inside
 *       its folder.</li>
 * </ul>
 */
package org.cogcube.catalog;
