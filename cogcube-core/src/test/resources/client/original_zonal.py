"""Zonal statistics on the original method's arrays: the reference cogcube's ZonalStatistics is checked against.

Each feature of ROI (a GeoJSON FeatureCollection) is written to a file of its own and cut by
original_method.py (beside this script), as one would run the original once per field. Variables are
bands or expressions on them, evaluated in numpy in float64 on the float32 arrays and stored as
float32 (NaN where an input is NaN, where a division by zero happens, or where the result is not
finite). Per feature, date and variable: valid_pixels (not NaN), total_pixels (the pixels the cutline
keeps, counted by warping a raster of ones on the band's grid), then numpy's mean, std (ddof=0), min,
median and max of the valid values in float64; a date dropped by the original gives 0 valid pixels
and empty statistics.

Usage: original_zonal.py CATALOG LAYERS ROI ID_PROPERTY|- CLOUD_LAYER|- THRESHOLD ALL_TOUCHED FIRST LAST OUT NAME=EXPR...
OUT gets CSV: feature_id,date,variable,valid_pixels,total_pixels,mean,std,min,median,max;
OUT.arrays the variables' arrays kept: FEATURE_ID DATE VARIABLE GT W H BASE64(float32 little-endian values).
"""
import ast
import base64
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

catalog, layers, roi, id_property, cloud_layer, threshold, all_touched, first, last, out = sys.argv[1:11]
variables = [v.split("=", 1) for v in sys.argv[11:]]
layers = layers.split(",")
here = os.path.dirname(os.path.abspath(__file__))


def names(node, found):
    """The names an expression reads, in order of first appearance."""
    if isinstance(node, ast.Name):
        if node.id not in found:
            found.append(node.id)
    for child in ast.iter_child_nodes(node):
        names(child, found)
    return found


def evaluate(node, arrays):
    if isinstance(node, ast.Expression):
        return evaluate(node.body, arrays)
    if isinstance(node, ast.Constant):
        return np.float64(node.value)
    if isinstance(node, ast.Name):
        return arrays[node.id].astype(np.float64)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -evaluate(node.operand, arrays)
    a, b = evaluate(node.left, arrays), evaluate(node.right, arrays)
    with np.errstate(all="ignore"):
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        return np.where(b == 0, np.nan, a / b)


def resolve(href):
    if ":" in href.split("/")[0]:
        return urllib.request.url2pathname(href[len("file:"):]) if href.startswith("file:") else href
    return os.path.join(os.path.dirname(os.path.abspath(catalog)), href)


def kept_pixels(path, feature_file):
    src = gdal.Open(path)
    ones = gdal.GetDriverByName("MEM").Create("", src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Byte)
    ones.SetGeoTransform(src.GetGeoTransform())
    ones.SetProjection(src.GetProjection())
    ones.GetRasterBand(1).Fill(1)
    kwargs = dict(format="MEM", cutlineDSName=feature_file, cropToCutline=True, dstNodata=0)
    if all_touched == "1":
        kwargs["warpOptions"] = ["CUTLINE_ALL_TOUCHED=TRUE"]
    ds = gdal.Warp("", ones, options=gdal.WarpOptions(**kwargs))
    return int((ds.GetRasterBand(1).ReadAsArray() == 1).sum())


def fmt(v):
    return repr(float(v))


def field(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


with open(roi) as f:
    collection = json.load(f)
with open(catalog) as f:
    cube = json.load(f)
parsed = [(name, ast.parse(expr, mode="eval")) for name, expr in variables]
bands = []
for _, tree in parsed:
    for n in names(tree, []):
        if n not in bands:
            bands.append(n)
dates = [d for d in sorted(cube) if first <= d <= last]

arrays = []
rows = ["feature_id,date,variable,valid_pixels,total_pixels,mean,std,min,median,max"]
work = tempfile.mkdtemp()
for index, feature in enumerate(collection["features"]):
    if id_property != "-":
        fid = str(feature["properties"][id_property])
    else:
        fid = str(feature["id"]) if "id" in feature else str(index + 1)
    one = {"type": "FeatureCollection", "features": [feature]}
    if "crs" in collection:
        one["crs"] = collection["crs"]
    feature_file = os.path.join(work, "feature%d.geojson" % index)
    with open(feature_file, "w") as f:
        json.dump(one, f)
    result = os.path.join(work, "feature%d.txt" % index)
    subprocess.run([sys.executable, os.path.join(here, "original_method.py"), catalog, ",".join(layers),
                    ",".join(bands), feature_file, cloud_layer, threshold, all_touched, first, last, result],
                   check=True)
    kept = {}
    transforms = {}
    with open(result) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "dropped":
                continue
            w, h = int(p[3]), int(p[4])
            kept[(p[0], p[1])] = np.frombuffer(base64.b64decode(p[5]), dtype="<f4").reshape(h, w)
            transforms[(p[0], p[1])] = p[2]
    for date in dates:
        files = dict(zip(layers, [resolve(h) for h in cube[date]]))
        for (name, tree), (_, expr) in zip(parsed, variables):
            inputs = names(tree, [])
            total = kept_pixels(files[inputs[0]], feature_file)
            values = None
            if all((b, date) in kept for b in inputs):
                result = evaluate(tree, {b: kept[(b, date)] for b in inputs}).astype(np.float32)
                result[~np.isfinite(result)] = np.nan
                values = result[~np.isnan(result)].astype(np.float64)
                if values.size:
                    arrays.append("%s\t%s\t%s\t%s\t%d\t%d\t%s" % (fid, date, name, transforms[(inputs[0], date)],
                                                                 result.shape[1], result.shape[0],
                                                                 base64.b64encode(result.astype("<f4").tobytes())
                                                                 .decode("ascii")))
            if values is None or values.size == 0:
                rows.append("%s,%s,%s,0,%d,,,,," % (field(fid), date, field(name), total))
                continue
            rows.append("%s,%s,%s,%d,%d,%s,%s,%s,%s,%s" % (field(fid), date, field(name), values.size, total,
                                                          fmt(np.mean(values)), fmt(np.std(values)),
                                                          fmt(np.min(values)), fmt(np.median(values)),
                                                          fmt(np.max(values))))
with open(out, "w") as f:
    f.write("\n".join(rows) + "\n")
with open(out + ".arrays", "w") as f:
    f.write("".join(a + "\n" for a in arrays))
