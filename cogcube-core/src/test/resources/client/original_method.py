"""The original method, as cogcube's client reproduces it: the reference its tests compare against.

Per date and band: gdalwarp -cutline ROI -crop_to_cutline of the band (dstNodata -9999) and of the
cloud layer (no dstNodata: GDAL then fills what lies outside the region with the layer's nodata,
or 0 when it has none), then in numpy: values below -9990 and the layer's nodata become NaN,
values whose cloud value exceeds the threshold become NaN; a date without a cloud value at or
below the threshold in the cut is dropped, and so is a band whose result is all NaN.

Usage: original_method.py CATALOG LAYERS BANDS ROI CLOUD_LAYER|- THRESHOLD ALL_TOUCHED(0|1) FIRST LAST OUT
CATALOG is a simple catalogue (date -> URLs in LAYERS order), a local path or an http(s) URL.
OUT gets one line per band and date kept: BAND DATE GT W H BASE64(float32 little-endian values),
and one line per band and date dropped: dropped BAND DATE.
"""
import base64
import json
import os
import sys
import urllib.parse
import urllib.request

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

catalog, layers, bands, roi, cloud_layer, threshold, all_touched, first, last, out = sys.argv[1:11]
layers = layers.split(",")
bands = bands.split(",")
threshold = float(threshold)

if catalog.startswith("http"):
    with urllib.request.urlopen(catalog) as f:
        cube = json.load(f)
else:
    with open(catalog) as f:
        cube = json.load(f)


def resolve(href):
    if catalog.startswith("http"):
        return urllib.parse.urljoin(catalog, href)
    if ":" in href.split("/")[0]:
        return href
    return os.path.join(os.path.dirname(os.path.abspath(catalog)), href)


def gdal_path(url):
    if url.startswith("http"):
        return "/vsicurl/" + url
    if url.startswith("file:"):
        return urllib.request.url2pathname(url[len("file:"):])
    return url


def warp(url, dst_nodata):
    kwargs = dict(format="MEM", cutlineDSName=roi, cropToCutline=True)
    if dst_nodata is not None:
        kwargs["dstNodata"] = dst_nodata
    if all_touched == "1":
        kwargs["warpOptions"] = ["CUTLINE_ALL_TOUCHED=TRUE"]
    ds = gdal.Warp("", gdal_path(url), options=gdal.WarpOptions(**kwargs))
    values = ds.GetRasterBand(1).ReadAsArray()
    return values, ds.GetGeoTransform()


def nodata_of(url):
    ds = gdal.Open(gdal_path(url))  # kept while its band is used: GDAL frees the band with it
    return ds.GetRasterBand(1).GetNoDataValue()


with open(out, "w") as o:
    for date in sorted(cube):
        if date < first or date > last:
            continue
        urls = dict(zip(layers, [resolve(h) for h in cube[date]]))
        cloud = None
        if cloud_layer != "-":
            cloud, _ = warp(urls[cloud_layer], None)
            cloud = cloud.astype(np.float64)
            if not (cloud <= threshold).any():
                for band in bands:
                    o.write("dropped\t%s\t%s\n" % (band, date))
                continue
        for band in bands:
            raw, gt = warp(urls[band], -9999)
            arr = raw.astype(np.float32)
            arr[arr < -9990] = np.nan
            nodata = nodata_of(urls[band])
            if nodata is not None:
                arr[raw == nodata] = np.nan
            if cloud is not None:
                arr[cloud > threshold] = np.nan
            if np.isnan(arr).all():
                o.write("dropped\t%s\t%s\n" % (band, date))
                continue
            o.write("%s\t%s\t%s\t%d\t%d\t%s\n" % (band, date, ",".join(repr(v) for v in gt), arr.shape[1],
                                                 arr.shape[0], base64.b64encode(arr.astype("<f4").tobytes())
                                                 .decode("ascii")))
