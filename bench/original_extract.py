"""The original method as the library it replaces ran it, for the extraction benchmark.

Per band and date, gdal.Warp of the layer through /vsicurl/ with the region as cutline
(cropToCutline, dstNodata -9999), the cloud layer warped the same way (no dstNodata), all warps of
all dates through a ThreadPoolExecutor of 10; then numpy: values below -9990 and the layer's
nodata become NaN, values whose cloud value exceeds the threshold become NaN, a date without a
clear cloud value is dropped, and so is a band whose result is all NaN. The numbers are those of
cogcube-core/src/test/resources/client/original_method.py, the reference of cogcube's tests.

Usage: original_extract.py CATALOG_URL LAYERS BANDS ROI CLOUD_LAYER THRESHOLD OUT
CATALOG_URL is a simple catalogue (date -> URLs in LAYERS order). OUT gets <band>/<date>.npy
(float32) for each band and date kept, and geotransforms.json ({band/date: geotransform}).
"""
import json
import os
import sys
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

catalog, layers, bands, roi, cloud_layer, threshold, out = sys.argv[1:8]
layers = layers.split(",")
bands = bands.split(",")
threshold = float(threshold)

with urllib.request.urlopen(catalog) as f:
    cube = json.load(f)


def warp(url, dst_nodata):
    src = gdal.Open("/vsicurl/" + url)
    nodata = src.GetRasterBand(1).GetNoDataValue()
    kwargs = dict(format="MEM", cutlineDSName=roi, cropToCutline=True)
    if dst_nodata is not None:
        kwargs["dstNodata"] = dst_nodata
    ds = gdal.Warp("", src, options=gdal.WarpOptions(**kwargs))
    return ds.GetRasterBand(1).ReadAsArray(), ds.GetGeoTransform(), nodata


jobs = {}
with ThreadPoolExecutor(max_workers=10) as pool:
    for date in sorted(cube):
        urls = dict(zip(layers, [urllib.parse.urljoin(catalog, h) for h in cube[date]]))
        jobs[(date, cloud_layer)] = pool.submit(warp, urls[cloud_layer], None)
        for band in bands:
            jobs[(date, band)] = pool.submit(warp, urls[band], -9999)
    results = {key: job.result() for key, job in jobs.items()}

transforms = {}
for date in sorted(cube):
    cloud = results[(date, cloud_layer)][0].astype(np.float64)
    if not (cloud <= threshold).any():
        continue
    for band in bands:
        raw, gt, nodata = results[(date, band)]
        arr = raw.astype(np.float32)
        arr[arr < -9990] = np.nan
        if nodata is not None:
            arr[raw == nodata] = np.nan
        arr[cloud > threshold] = np.nan
        if np.isnan(arr).all():
            continue
        os.makedirs(os.path.join(out, band), exist_ok=True)
        np.save(os.path.join(out, band, date + ".npy"), arr)
        transforms[band + "/" + date] = gt
with open(os.path.join(out, "geotransforms.json"), "w") as f:
    json.dump(transforms, f)
