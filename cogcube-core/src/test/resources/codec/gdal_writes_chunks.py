"""Writes small TIFFs with GDAL in every compression, predictor, sample type, byte order and
layout cogcube decodes, and pulls out of each the raw bytes of a few chunks together with the
pixels GDAL reads there, for GdalInteropTest to decode and compare.

Usage: gdal_writes_chunks.py OUTDIR. Writes OUTDIR/manifest.tsv, one line per chunk:
name, compression code, predictor code, sample type, byte order, samples per pixel, chunk width,
chunk rows, valid width, valid rows, chunk file, pixels file (interleaved, little-endian).
"""
import os
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

WIDTH, HEIGHT = 100, 90
TYPES = {  # cogcube name: (GDAL type, numpy type, extra creation options)
    'UINT8': (gdal.GDT_Byte, np.uint8, []),
    'INT8': (gdal.GDT_Byte, np.uint8, ['PIXELTYPE=SIGNEDBYTE']),
    'UINT16': (gdal.GDT_UInt16, np.uint16, []),
    'INT16': (gdal.GDT_Int16, np.int16, []),
    'UINT32': (gdal.GDT_UInt32, np.uint32, []),
    'INT32': (gdal.GDT_Int32, np.int32, []),
    'FLOAT32': (gdal.GDT_Float32, np.float32, []),
    'FLOAT64': (gdal.GDT_Float64, np.float64, []),
}
COMPRESSIONS = {'NONE': 1, 'LZW': 5, 'DEFLATE': 8, 'PACKBITS': 32773, 'ZSTD': 50000}
LAYOUTS = {  # name: (creation options, chunks as (block x, block y, x, y, chunk w, chunk h, valid w, valid h))
    'tiled': (['TILED=YES', 'BLOCKXSIZE=64', 'BLOCKYSIZE=64'],
              [(0, 0, 0, 0, 64, 64, 64, 64), (1, 1, 64, 64, 64, 64, WIDTH - 64, HEIGHT - 64)]),
    'strips': (['TILED=NO', 'BLOCKYSIZE=40'], [(0, 2, 0, 80, WIDTH, 10, WIDTH, 10)]),
}


def band(kind, b):
    """A smooth ramp with noise, a flat stretch and, for floats, a NaN and infinities."""
    rng = np.random.RandomState(1000 + b)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    ramp = x * 37 + y * 101 + b * 7
    noise = rng.randint(-40, 40, size=(HEIGHT, WIDTH))
    values = ramp + noise
    values[10:20, :] = 12345
    if kind in (np.float32, np.float64):
        v = (values * 0.37 - 1000.0).astype(kind)
        v[0, 5] = np.nan
        v[1, 6] = np.inf
        v[2, 7] = -np.inf
        return v
    big = values.astype(np.int64) * 104729 - 50000
    return big.astype(kind)


def main(out):
    lines = []
    for type_name, (gdal_type, np_type, type_options) in TYPES.items():
        size = np.dtype(np_type).itemsize
        for spp in (1, 3):
            mem = gdal.GetDriverByName('MEM').Create('', WIDTH, HEIGHT, spp, gdal_type)
            for b in range(spp):
                mem.GetRasterBand(b + 1).WriteArray(band(np_type, b))
            for comp_name, comp_code in COMPRESSIONS.items():
                predictors = [1]
                if comp_name in ('LZW', 'DEFLATE', 'ZSTD'):
                    predictors.append(2)
                    if type_name.startswith('FLOAT'):
                        predictors.append(3)
                for predictor in predictors:
                    for order in ('LITTLE', 'BIG'):
                        for layout, (layout_options, chunks) in LAYOUTS.items():
                            name = '%s_p%d_%s_%s_spp%d_%s' % (comp_name, predictor, type_name, order, spp, layout)
                            path = os.path.join(out, name + '.tif')
                            options = ['COMPRESS=' + comp_name, 'ENDIANNESS=' + order, 'INTERLEAVE=PIXEL']
                            if predictor != 1:
                                options.append('PREDICTOR=%d' % predictor)
                            gdal.GetDriverByName('GTiff').CreateCopy(path, mem, options=options + layout_options
                                                                     + type_options)
                            ds = gdal.Open(path)
                            with open(path, 'rb') as f:
                                for bx, by, x, y, cw, ch, vw, vh in chunks:
                                    item = ds.GetRasterBand(1).GetMetadataItem
                                    offset = int(item('BLOCK_OFFSET_%d_%d' % (bx, by), 'TIFF'))
                                    length = int(item('BLOCK_SIZE_%d_%d' % (bx, by), 'TIFF'))
                                    f.seek(offset)
                                    chunk_name = '%s_%d_%d' % (name, bx, by)
                                    with open(os.path.join(out, chunk_name + '.chunk'), 'wb') as c:
                                        c.write(f.read(length))
                                    pixels = ds.ReadRaster(x, y, vw, vh, buf_type=gdal_type,
                                                           band_list=list(range(1, spp + 1)),
                                                           buf_pixel_space=spp * size,
                                                           buf_line_space=vw * spp * size, buf_band_space=size)
                                    if sys.byteorder != 'little':
                                        pixels = np.frombuffer(pixels, np_type).byteswap().tobytes()
                                    with open(os.path.join(out, chunk_name + '.pixels'), 'wb') as p:
                                        p.write(pixels)
                                    lines.append('\t'.join(str(v) for v in (
                                        chunk_name, comp_code, predictor, type_name, order, spp, cw, ch, vw, vh,
                                        chunk_name + '.chunk', chunk_name + '.pixels')))
                            ds = None
                            os.remove(path)
    with open(os.path.join(out, 'manifest.tsv'), 'w') as m:
        m.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main(sys.argv[1])
