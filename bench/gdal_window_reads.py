"""The GDAL side of the window-read benchmark, with the same interface and output as cogcube's
org.cogcube.bench.WindowReads: reads each set's windows one after another with
Band.ReadRaster in this one process, and prints one JSON line per set.

GDAL's block cache is off (GDAL_CACHEMAX=0, set by the caller) because cogcube keeps none:
each read decodes the tiles it touches, on both sides. GDAL_NUM_THREADS=ALL_CPUS lets GDAL
decode a window's tiles in parallel, as cogcube does.

Usage: /usr/bin/python3 gdal_window_reads.py SOURCE SET_DIR NAME...
"""
import json
import os
import sys
import time

import numpy as np
from osgeo import gdal

CHECKED = 16


def windows(path):
    with open(path) as f:
        return [tuple(int(v) for v in line.split()) for line in f if line.strip()]


def main():
    gdal.UseExceptions()
    source, set_dir, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    t = time.perf_counter()
    ds = gdal.Open(source)
    band = ds.GetRasterBand(1)
    open_seconds = time.perf_counter() - t
    for name in names:
        warmup = windows(os.path.join(set_dir, name + ".warmup"))
        timed = windows(os.path.join(set_dir, name + ".timed"))
        for x, y, w, h in warmup:
            band.ReadRaster(x, y, w, h)
        nbytes = 0
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        for x, y, w, h in timed:
            nbytes += len(band.ReadRaster(x, y, w, h))
        seconds = time.perf_counter() - t0
        cpu_seconds = time.process_time() - cpu0
        sums = [int(np.frombuffer(band.ReadRaster(x, y, w, h), dtype=np.uint16).sum(dtype=np.int64))
                for x, y, w, h in timed[:CHECKED]]
        print(json.dumps({"set": name, "windows": len(timed), "seconds": round(seconds, 4),
                          "cpu_seconds": round(cpu_seconds, 4), "windows_per_s": round(len(timed) / seconds, 2),
                          "mb_per_s": round(nbytes / 1e6 / seconds, 2), "open_seconds": round(open_seconds, 4),
                          "checksums": sums}), flush=True)


if __name__ == "__main__":
    main()
