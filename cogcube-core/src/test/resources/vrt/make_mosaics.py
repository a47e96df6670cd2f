"""Builds the VRT mosaics cogcube's org.cogcube.vrt tests read, with GDAL, in a folder.

Usage: /usr/bin/python3 make_mosaics.py OUTDIR

Every raster is deterministic. Made:
  u16/            a 700x500 UInt16 raster (UTM 30N, 10 m) cut into a 3x2 grid of COG chunks
                  (128x128 tiles, deflate, with overviews); zeros sprinkled over it
    mosaic.vrt          gdalbuildvrt: SimpleSource
    mosaic_nodata.vrt   gdalbuildvrt -srcnodata 0 -vrtnodata 0: ComplexSource with NODATA
  overlap/        two overlapping chunks of two different rasters, a.tif then b.tif
    mosaic.vrt          b painted over a
    mosaic_nodata.vrt   b painted over a except where b is 0 (-srcnodata 0 -vrtnodata 7)
  f32/            a Float32 raster with NaN nodata and NaN holes, in a 2x2 grid of COG chunks
    mosaic.vrt          gdalbuildvrt (NaN nodata taken from the chunks)
  rgb/            a 3-band Byte raster in a 2x2 grid of COG chunks
    mosaic.vrt          gdalbuildvrt: three bands, each over the four chunks
    separate.vrt        gdalbuildvrt -separate over three single-band rasters
"""
import os
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
OUT = sys.argv[1]
W, H = 700, 500
GT = [600000.0, 10.0, 0.0, 800000.0, 0.0, -10.0]


def srs():
    s = osr.SpatialReference()
    s.ImportFromEPSG(32630)
    return s.ExportToWkt()


def write(path, arrays, dtype, nodata=None):
    ds = gdal.GetDriverByName("GTiff").Create(path, arrays[0].shape[1], arrays[0].shape[0], len(arrays), dtype)
    ds.SetGeoTransform(GT)
    ds.SetProjection(srs())
    for i, a in enumerate(arrays):
        band = ds.GetRasterBand(i + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(a)
    ds = None


def chunks(full, folder, xs, ys):
    names = []
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            name = os.path.join(folder, "chunk_r%d_c%d.tif" % (r, c))
            gdal.Translate(name, full, srcWin=[xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r]], format="COG",
                           creationOptions=["BLOCKSIZE=128", "COMPRESS=DEFLATE"])
            names.append(name)
    return names


def relative_vrt(path, sources, **kwargs):
    # Built from inside the folder, so that sources are named relative to the VRT.
    here = os.getcwd()
    os.chdir(os.path.dirname(path))
    try:
        gdal.BuildVRT(os.path.basename(path), [os.path.basename(s) for s in sources], **kwargs)
    finally:
        os.chdir(here)


y, x = np.mgrid[0:H, 0:W]

u16 = os.path.join(OUT, "u16")
os.makedirs(u16, exist_ok=True)
values = ((x * 7 + y * 13 + (x * y) % 97) % 65536).astype(np.uint16)
values[((x // 7 + y // 5) % 13) == 0] = 0
write(os.path.join(u16, "full.tif"), [values], gdal.GDT_UInt16)
names = chunks(os.path.join(u16, "full.tif"), u16, [0, 256, 512, W], [0, 300, H])
relative_vrt(os.path.join(u16, "mosaic.vrt"), names)
relative_vrt(os.path.join(u16, "mosaic_nodata.vrt"), names, srcNodata=0, VRTNodata=0)

overlap = os.path.join(OUT, "overlap")
os.makedirs(overlap, exist_ok=True)
other = ((x * 3 + y * 5) % 4000 + 1).astype(np.uint16)
other[((x + 2 * y) % 9) == 0] = 0
write(os.path.join(overlap, "full_a.tif"), [values], gdal.GDT_UInt16)
write(os.path.join(overlap, "full_b.tif"), [other], gdal.GDT_UInt16)
gdal.Translate(os.path.join(overlap, "a.tif"), os.path.join(overlap, "full_a.tif"), srcWin=[0, 0, 400, 300],
               format="COG", creationOptions=["BLOCKSIZE=128"])
gdal.Translate(os.path.join(overlap, "b.tif"), os.path.join(overlap, "full_b.tif"), srcWin=[300, 200, 400, 300],
               format="COG", creationOptions=["BLOCKSIZE=128"])
pair = [os.path.join(overlap, "a.tif"), os.path.join(overlap, "b.tif")]
relative_vrt(os.path.join(overlap, "mosaic.vrt"), pair)
relative_vrt(os.path.join(overlap, "mosaic_nodata.vrt"), pair, srcNodata=0, VRTNodata=7)

f32 = os.path.join(OUT, "f32")
os.makedirs(f32, exist_ok=True)
floats = (np.sin(x / 17.0) * 100 + np.cos(y / 23.0) * 50 + (x % 7) / 8.0).astype(np.float32)
floats[((x // 9 + y // 11) % 7) == 0] = np.nan
write(os.path.join(f32, "full.tif"), [floats], gdal.GDT_Float32, nodata=float("nan"))
relative_vrt(os.path.join(f32, "mosaic.vrt"), chunks(os.path.join(f32, "full.tif"), f32, [0, 350, W], [0, 250, H]))

rgb = os.path.join(OUT, "rgb")
os.makedirs(rgb, exist_ok=True)
bands = [((x + y * k) % 251).astype(np.uint8) for k in (1, 2, 3)]
write(os.path.join(rgb, "full.tif"), bands, gdal.GDT_Byte)
relative_vrt(os.path.join(rgb, "mosaic.vrt"), chunks(os.path.join(rgb, "full.tif"), rgb, [0, 300, W], [0, 200, H]))
singles = []
for k in range(3):
    name = os.path.join(rgb, "band%d.tif" % (k + 1))
    write(name, [bands[k]], gdal.GDT_Byte)
    singles.append(name)
relative_vrt(os.path.join(rgb, "separate.vrt"), singles, separate=True)
