"""Reads, with GDAL, the TIFFs GdalInteropTest wrote with cogcube's codecs and predictors, and
compares their pixels with the ones the test expected. Any GDAL error or warning counts as a
failure: what cogcube writes must read cleanly.

Usage: gdal_reads_tiffs.py MANIFEST. Each manifest line: name, TIFF file, expected pixels file
(interleaved, little-endian), GDAL data type name, samples per pixel; paths relative to the
manifest. Prints one line per TIFF: "OK name" or "FAIL name: reason".
"""
import os
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()


def check(folder, name, tif, expected_file, type_name, spp, messages):
    ds = gdal.Open(os.path.join(folder, tif))
    gdal_type = gdal.GetDataTypeByName(type_name)
    size = gdal.GetDataTypeSize(gdal_type) // 8
    w, h = ds.RasterXSize, ds.RasterYSize
    if ds.RasterCount != spp:
        return 'expected %d bands, GDAL found %d' % (spp, ds.RasterCount)
    found_type = ds.GetRasterBand(1).DataType
    if found_type != gdal_type:
        return 'expected %s samples, GDAL found %s' % (type_name, gdal.GetDataTypeName(found_type))
    pixels = ds.ReadRaster(0, 0, w, h, buf_type=gdal_type, band_list=list(range(1, spp + 1)),
                           buf_pixel_space=spp * size, buf_line_space=w * spp * size, buf_band_space=size)
    if sys.byteorder != 'little':
        dtype = gdal.GetDataTypeName(gdal_type).lower().replace('byte', 'uint8')
        pixels = np.frombuffer(pixels, dtype).byteswap().tobytes()
    with open(os.path.join(folder, expected_file), 'rb') as f:
        expected = f.read()
    if messages:
        return 'GDAL said: ' + ' | '.join(messages)
    if pixels != expected:
        first = next(i for i in range(min(len(pixels), len(expected))) if pixels[i] != expected[i]) \
            if len(pixels) == len(expected) else -1
        return 'pixels differ (%d bytes read, %d expected, first difference at byte %d)' % (
            len(pixels), len(expected), first)
    return None


def main(manifest):
    folder = os.path.dirname(manifest)
    messages = []
    gdal.PushErrorHandler(lambda level, number, text: messages.append('%d/%d %s' % (level, number, text)))
    with open(manifest) as m:
        for line in m:
            if not line.strip():
                continue
            name, tif, expected, type_name, spp = line.rstrip('\n').split('\t')
            del messages[:]
            try:
                failure = check(folder, name, tif, expected, type_name, int(spp), messages)
            except Exception as e:  # GDAL refused the file: report it as this file's failure
                failure = 'GDAL failed: %s %s' % (e, ' | '.join(messages))
            print('OK ' + name if failure is None else 'FAIL %s: %s' % (name, failure))
            sys.stdout.flush()


if __name__ == '__main__':
    main(sys.argv[1])
