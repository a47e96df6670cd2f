package org.cogcube.catalog;

/** The python programs the catalogue tests run with GDAL's osgeo module. */
final class GdalStacScripts {
    private GdalStacScripts() {
    }

    /**
     * Arguments: CUBE_FOLDER ASSET MAX_ITEMS. Opens {@code catalog.json} of the folder with GDAL's
     * STACIT driver from inside the folder (GDAL 3.6 resolves relative hrefs against the working
     * directory), reading the first MAX_ITEMS items only, and prints what GDAL sees as JSON: the
     * mosaic's files, size, geotransform, EPSG code, band type, nodata, description and values.
     */
    static final String READ_STACIT = """
            import json, os, sys
            from osgeo import gdal
            gdal.UseExceptions()
            os.chdir(sys.argv[1])
            ds = gdal.OpenEx('STACIT:"catalog.json":asset=' + sys.argv[2], open_options=["MAX_ITEMS=" + sys.argv[3]])
            band = ds.GetRasterBand(1)
            print(json.dumps({
                "files": ds.GetFileList(),
                "size": [ds.RasterXSize, ds.RasterYSize],
                "geotransform": list(ds.GetGeoTransform()),
                "epsg": int(ds.GetSpatialRef().GetAuthorityCode(None)),
                "type": gdal.GetDataTypeName(band.DataType),
                "nodata": band.GetNoDataValue(),
                "description": band.GetDescription(),
                "values": [float(v) for v in band.ReadAsArray().flatten()],
            }))
            """;

    /** Argument: CUBE_FOLDER. Prints the subdataset names GDAL lists for {@code catalog.json}, one a line. */
    static final String SUBDATASETS = """
            import os, sys
            from osgeo import gdal
            gdal.UseExceptions()
            os.chdir(sys.argv[1])
            md = gdal.Open("catalog.json").GetMetadata("SUBDATASETS")
            for key in sorted(k for k in md if k.endswith("_NAME")):
                print(md[key])
            """;

    /**
     * Argument: a JSON array of grids {@code {"epsg", "width", "height", "gt": [GDAL's 6]}}. Prints
     * a JSON array, per grid: {@code corners}, the four corners (top-left, bottom-left,
     * bottom-right, top-right) in WGS84 longitude, latitude, and {@code bbox}, the bounding box of
     * 1000 points along each edge, as PROJ transforms them.
     */
    static final String FOOTPRINTS = """
            import json, sys
            from osgeo import osr
            osr.UseExceptions()
            wgs84 = osr.SpatialReference()
            wgs84.ImportFromEPSG(4326)
            wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            out = []
            for g in json.loads(sys.argv[1]):
                srs = osr.SpatialReference()
                srs.ImportFromEPSG(g["epsg"])
                srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                ct = osr.CoordinateTransformation(srs, wgs84)
                gt, w, h = g["gt"], g["width"], g["height"]
                def lonlat(c, r):
                    x, y, _ = ct.TransformPoint(gt[0] + c * gt[1] + r * gt[2], gt[3] + c * gt[4] + r * gt[5])
                    return [x, y]
                corners = [lonlat(0, 0), lonlat(0, h), lonlat(w, h), lonlat(w, 0)]
                pts = []
                for i in range(1001):
                    s = i / 1000
                    pts += [lonlat(0, s * h), lonlat(w, s * h), lonlat(s * w, 0), lonlat(s * w, h)]
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                out.append({"corners": corners, "bbox": [min(xs), min(ys), max(xs), max(ys)]})
            print(json.dumps(out))
            """;
}
