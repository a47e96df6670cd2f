"""Writes a deterministic synthetic reflectance band as a striped, uncompressed GeoTIFF.

The content is meant to compress the way a real 10 m surface-reflectance band does, so that
codec and predictor costs are realistic: agricultural parcels (patches of nearly constant
value with warped, irregular borders), smooth large-scale variation (terrain, haze), texture
at a few scales inside the parcels, and per-pixel sensor noise. Neither a constant nor pure
noise. The same size and seed always give the same bytes.

Usage: /usr/bin/python3 make_input.py OUT.tif SIZE [SEED]
"""
import sys

import numpy as np
from osgeo import gdal, osr

ROWS_PER_BLOCK = 512


def lowres_grid(rng, size, cell):
    """Random values on a coarse grid, one more cell than needed on each side."""
    n = size // cell + 3
    return rng.random((n, n), dtype=np.float32)


def bilinear(grid, cell, rows, cols):
    """The coarse grid upsampled bilinearly at the given pixel rows and columns."""
    fy = (rows % cell).astype(np.float32) / cell
    fx = (cols % cell).astype(np.float32) / cell
    i = rows // cell
    j = cols // cell
    g00 = grid[np.ix_(i, j)]
    g01 = grid[np.ix_(i, j + 1)]
    g10 = grid[np.ix_(i + 1, j)]
    g11 = grid[np.ix_(i + 1, j + 1)]
    fy = fy[:, None]
    fx = fx[None, :]
    top = g00 + (g01 - g00) * fx
    bottom = g10 + (g11 - g10) * fx
    return top + (bottom - top) * fy


def hash_cells(a, b, seed):
    """A deterministic pseudo-random value in [0, 1) per integer cell (a, b)."""
    h = (a.astype(np.uint64) * np.uint64(73856093)) ^ (b.astype(np.uint64) * np.uint64(19349663)) \
        ^ np.uint64(seed * 83492791)
    h ^= h >> np.uint64(13)
    h *= np.uint64(0x5BD1E995)
    h ^= h >> np.uint64(15)
    return (h & np.uint64(0xFFFF)).astype(np.float32) / 65536.0


def main():
    out, size = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2024
    rng = np.random.default_rng(seed)
    # Coarse grids, made once: terrain/haze (~5 km), texture (~300 m, ~40 m), border warp (~600 m).
    terrain = lowres_grid(rng, size, 512)
    texture_coarse = lowres_grid(rng, size, 32)
    texture_fine = lowres_grid(rng, size, 4)
    warp_x = lowres_grid(rng, size, 64)
    warp_y = lowres_grid(rng, size, 64)

    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(out, size, size, 1, gdal.GDT_UInt16,
                       options=["TILED=NO", "COMPRESS=NONE", "BLOCKYSIZE=16", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform((300000.0, 10.0, 0.0, 5000040.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)  # WGS 84 / UTM zone 33N, as a Sentinel-2 tile
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)

    cols = np.arange(size, dtype=np.int64)
    for y0 in range(0, size, ROWS_PER_BLOCK):
        h = min(ROWS_PER_BLOCK, size - y0)
        rows = np.arange(y0, y0 + h, dtype=np.int64)
        # Parcels: cells of ~100 to 300 m whose borders are displaced by a smooth warp.
        wx = (bilinear(warp_x, 64, rows, cols) - 0.5) * 40.0
        wy = (bilinear(warp_y, 64, rows, cols) - 0.5) * 40.0
        px = np.floor((cols[None, :] + wx) / 23.0).astype(np.int64)
        py = np.floor((rows[:, None] + wy) / 17.0).astype(np.int64)
        parcel = hash_cells(px, py, seed)
        value = 400.0 + 2600.0 * parcel ** 1.5
        value += 800.0 * (bilinear(terrain, 512, rows, cols) - 0.5)
        value += 350.0 * (bilinear(texture_coarse, 32, rows, cols) - 0.5) * (0.5 + parcel)
        value += 120.0 * (bilinear(texture_fine, 4, rows, cols) - 0.5)
        noise = np.random.default_rng([seed, y0]).standard_normal((h, size), dtype=np.float32)
        value += 18.0 * noise
        band.WriteArray(np.clip(value, 1, 10000).astype(np.uint16), 0, y0)
    band.SetNoDataValue(0)
    ds.FlushCache()
    ds = None


if __name__ == "__main__":
    main()
