/**
 * The client: a cube opened from its catalogue, and queries that cut its layers to a region, date
 * by date, with the numbers the original Python method gives (see {@link org.cogcube.client.Cube}).
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>cube</b>: a catalogue and the files it lists ({@link org.cogcube.client.Cube});</li>
 *   <li><b>band</b>: a layer asked for by a query (B04, B08); its values come out as float32;</li>
 *   <li><b>cloud layer</b>: the layer whose values (0 to 100, a cloud probability) mask the bands:
 *       a pixel whose cloud value exceeds the <b>threshold</b> becomes NaN, and a pixel whose value
 *       is at most the threshold is <b>clear</b>;</li>
 *   <li><b>query</b>: what to extract: bands, dates, a region, a cloud mask, the nodata rules
 *       ({@link org.cogcube.client.Query});</li>
 *   <li><b>cut</b>: one layer at one date cut to the region as {@code gdalwarp -cutline REGION
 *       -crop_to_cutline} cuts it: the window of the source grid around the region, and in it the
 *       pixels kept (see {@link org.cogcube.region.Cutline}); a {@link org.cogcube.client.LayerCut}
 *       is a band's cut after masking;</li>
 *   <li><b>kept</b> and <b>dropped</b>: a date is kept for a band when its masked cut has at least
 *       one value that is not NaN; otherwise it is dropped, with a reason
 *       ({@link org.cogcube.client.Dropped});</li>
 *   <li><b>variable</b>: a band, or an expression on bands ({@code NDVI=(B08-B04)/(B08+B04)}) computed
 *       per date on their cuts ({@link org.cogcube.client.Extraction#evaluate}); a
 *       {@link org.cogcube.client.Series} is a variable's cuts and dropped dates;</li>
 *   <li><b>zonal statistics</b>: per feature of the region, each cut on its own, per date and
 *       variable, the valid and kept pixel counts and numpy's mean, std, min, median and max
 *       ({@link org.cogcube.client.ZonalStatistics}, {@link org.cogcube.client.Statistics});</li>
 *   <li><b>plan, fetch, decode, assemble</b>: the four steps of a query. The plan (which files,
 *       which cuts) is pure; the fetch opens every file needed and reads every window at once,
 *       only the tiles a window touches; decoding runs on all cores; assembling masks and drops.</li>
 *   <li><b>server-side cut</b>: a query's files cut by the server that serves them, when its catalogue
 *       advertises a cut endpoint ({@link org.cogcube.client.ServerSubset}): one request for all dates
 *       replaces the fetch and decode of range reads, and gives the same reads to assemble. The
 *       server computes it with {@link org.cogcube.client.CutService}, the very cuts a client
 *       computes; the wire format is {@code org.cogcube.subset}'s. A cube opened for a first query
 *       ({@link org.cogcube.client.Cube#openAsync(String, org.cogcube.catalog.ReadOptions,
 *       org.cogcube.client.ServerSubset, org.cogcube.client.Query)}) sends that query, named by its
 *       catalogue, beside the catalogue's {@code GET}: the <b>early cut</b>
 *       ({@code EarlyCut}), used when the catalogue's response advertises the endpoint it went to
 *       and it was cut for the catalogue version read, dropped otherwise (a static server's 404).</li>
 * </ul>
 */
package org.cogcube.client;
