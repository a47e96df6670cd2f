package org.cogcube.testing;

/** The python programs {@link Gdal} runs with GDAL's osgeo module, kept apart from the Java that calls them. */
final class GdalScripts {

    private GdalScripts() {
    }

    /**
     * Arguments: PATH BAND XOFF YOFF WIDTH HEIGHT OVERVIEW (-1 full resolution) WHAT (data or mask)
     * OUT. Writes the window's samples to OUT in the band's native type, little-endian, row by row,
     * and prints the type's GDAL name ("Int8" for a SIGNEDBYTE Byte band; "Byte" for a mask).
     */
    static final String WINDOW = """
            import sys
            from osgeo import gdal

            gdal.UseExceptions()
            path, what, out = sys.argv[1], sys.argv[8], sys.argv[9]
            band, xoff, yoff, width, height, overview = map(int, sys.argv[2:8])
            ds = gdal.Open(path)
            if not 1 <= band <= ds.RasterCount:
                sys.exit(f"{path}: asked for band {band}, the file has {ds.RasterCount}")
            full = ds.GetRasterBand(band)
            source = full
            if overview >= 0:
                if overview >= full.GetOverviewCount():
                    sys.exit(f"{path}: asked for overview {overview}, band {band} has {full.GetOverviewCount()}")
                source = full.GetOverview(overview)
            if what == "mask":
                source = source.GetMaskBand()
            values = source.ReadAsArray(xoff, yoff, width, height)
            kind = gdal.GetDataTypeName(source.DataType)
            if what == "data" and kind == "Byte" and full.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
                kind = "Int8"
            with open(out, "wb") as f:
                f.write(values.astype(values.dtype.newbyteorder("<")).tobytes())
            print(kind)
            """;

    /**
     * Argument: PATH. Prints one fact a line, fields separated by tabs, numbers as Java parses them
     * ("none" when absent):
     * <pre>
     * size WIDTH HEIGHT
     * band TYPE NODATA SCALE OFFSET BLOCKWIDTH BLOCKHEIGHT MASKFLAGS   (one line per band, band 1 first)
     * geotransform C0 C1 C2 C3 C4 C5                                 (when georeferenced)
     * epsg CODE                                                      (when the CRS has an EPSG code)
     * wkt WKT                                                        (when there is a CRS)
     * compression|interleave|layout VALUE                            (IMAGE_STRUCTURE metadata)
     * area_or_point Area|Point
     * overview WIDTH HEIGHT                                          (band 1's overviews, largest first)
     * </pre>
     */
    static final String INFO = """
            import math
            import sys
            from osgeo import gdal

            gdal.UseExceptions()

            def number(v):
                if v is None:
                    return "none"
                v = float(v)
                if math.isnan(v):
                    return "NaN"
                if math.isinf(v):
                    return "Infinity" if v > 0 else "-Infinity"
                return repr(v)

            def line(*fields):
                print(*fields, sep="\\t")

            ds = gdal.Open(sys.argv[1])
            line("size", ds.RasterXSize, ds.RasterYSize)
            for i in range(1, ds.RasterCount + 1):
                b = ds.GetRasterBand(i)
                kind = gdal.GetDataTypeName(b.DataType)
                if kind == "Byte" and b.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
                    kind = "Int8"
                scale, offset = b.GetScale(), b.GetOffset()
                line("band", kind, number(b.GetNoDataValue()), number(1 if scale is None else scale),
                     number(0 if offset is None else offset), *b.GetBlockSize(), b.GetMaskFlags())
            gt = ds.GetGeoTransform(can_return_null=True)
            if gt is not None:
                line("geotransform", *map(number, gt))
            srs = ds.GetSpatialRef()
            if srs is not None:
                if srs.GetAuthorityName(None) == "EPSG":
                    line("epsg", srs.GetAuthorityCode(None))
                line("wkt", srs.ExportToWkt())
            structure = ds.GetMetadata("IMAGE_STRUCTURE") or {}
            for key in ("COMPRESSION", "INTERLEAVE", "LAYOUT"):
                if key in structure:
                    line(key.lower(), structure[key])
            if ds.GetMetadataItem("AREA_OR_POINT"):
                line("area_or_point", ds.GetMetadataItem("AREA_OR_POINT"))
            if ds.RasterCount:
                first = ds.GetRasterBand(1)
                for i in range(first.GetOverviewCount()):
                    line("overview", first.GetOverview(i).XSize, first.GetOverview(i).YSize)
            """;
}
