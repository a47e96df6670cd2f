#!/usr/bin/env bash
# Regenerates the shapefile fixtures of cogcube's tests into the folder this script lives in:
# bash make-shapefiles.sh. Needs gdal-bin (ogr2ogr; GDAL 3.6.2 on Debian 12) and python3.
#
# ogr2ogr writes the ordinary ones from GeoJSON, so they are what real tools produce:
#   fields       UTM 30N (.prj WGS_1984_UTM_Zone_30N), UTF-8 text (.cpg), a polygon with two holes,
#                a multipolygon, a feature without geometry (a Null shape), fields of type C, N
#                (integer, 64-bit integer, real) and D
#   wgs84        EPSG:4326 (.prj GCS_WGS_1984), a multipolygon whose first polygon has a hole; no .cpg
#   polygonz     a PolygonZ (shape type 15) from 3D GeoJSON
#   polygonm     a PolygonM (shape type 25), ogr2ogr -dim XYM
#   lines        a PolyLine (shape type 3): not a region
#   fields.zip   fields.* in one zip, as shapefiles are commonly shared
# python writes the rest byte by byte (shpwrite below), since ogr2ogr rewrites ring orientation:
#   rings        no .prj, Latin-1 text declared by the LDID byte (0x57), fields of type L and F, and
#                the ring-orientation cases of the spec (outer rings clockwise, holes
#                counter-clockwise) and past it: only counter-clockwise rings, a hole before its
#                shell, two shells with their holes, an island in a lake, a clockwise ring inside
#                another, a Null shape
#   hole_outside one clockwise ring and a counter-clockwise one outside it: OGR makes it a hole
#                anyway, so the polygon is invalid
# The tests compare every one with what ogr2ogr -f GeoJSON reads from it, and break copies of them
# to check that hostile files are refused.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

cat > fields.geojson <<'JSON'
{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Kɔkɔbɛn", "crop": "maize", "plot": 1, "owner_id": 12345678901, "area_ha": 3.25, "sown": "2018-03-14"},
 "geometry": {"type": "Polygon", "coordinates": [[[601000, 796000], [601000, 797000], [602000, 797000], [602000, 796000], [601000, 796000]],
   [[601200, 796200], [601400, 796200], [601400, 796400], [601200, 796400], [601200, 796200]],
   [[601600.5, 796600.25], [601800.75, 796600.25], [601700, 796800.125], [601600.5, 796600.25]]]}},
{"type": "Feature", "properties": {"name": "Ébène", "crop": "cassava", "plot": 2, "owner_id": null, "area_ha": 0.5, "sown": null},
 "geometry": {"type": "MultiPolygon", "coordinates": [[[[603000, 796000], [603000, 796500], [603500, 796500], [603000, 796000]]],
   [[[604000, 796000], [604000, 796300], [604300, 796300], [604300, 796000], [604000, 796000]]]]}},
{"type": "Feature", "properties": {"name": "no geometry", "crop": null, "plot": 3, "owner_id": 7, "area_ha": null, "sown": "2019-12-31"},
 "geometry": null},
{"type": "Feature", "properties": {"name": "", "crop": "yam", "plot": -4, "owner_id": -9, "area_ha": -1.125, "sown": "2020-02-29"},
 "geometry": {"type": "Polygon", "coordinates": [[[605000.125, 797000.875], [605100.5, 797300.25], [605400.75, 797000.5], [605000.125, 797000.875]]]}}
]}
JSON
ogr2ogr -f "ESRI Shapefile" -a_srs EPSG:32630 -lco ENCODING=UTF-8 fields.shp fields.geojson

cat > wgs84.geojson <<'JSON'
{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"field": "north"},
 "geometry": {"type": "MultiPolygon", "coordinates": [
   [[[-2.0925, 7.2365], [-2.0745, 7.2355], [-2.0760, 7.2225], [-2.0930, 7.2240], [-2.0925, 7.2365]],
    [[-2.085, 7.230], [-2.080, 7.230], [-2.080, 7.233], [-2.085, 7.230]]],
   [[[-2.06, 7.20], [-2.05, 7.20], [-2.05, 7.21], [-2.06, 7.20]]]]}}
]}
JSON
ogr2ogr -f "ESRI Shapefile" -a_srs EPSG:4326 wgs84.shp wgs84.geojson

cat > polygonz.geojson <<'JSON'
{"type": "Feature", "properties": {"z": 1},
 "geometry": {"type": "Polygon", "coordinates": [[[0, 0, 5], [0, 10, 6], [10, 10, 7], [10, 0, 8], [0, 0, 5]], [[2, 2, 1], [4, 2, 1], [4, 4, 1], [2, 2, 1]]]}}
JSON
ogr2ogr -f "ESRI Shapefile" polygonz.shp polygonz.geojson
ogr2ogr -f "ESRI Shapefile" -dim XYM polygonm.shp polygonz.geojson

cat > lines.geojson <<'JSON'
{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}
JSON
ogr2ogr -f "ESRI Shapefile" lines.shp lines.geojson

cat > shpwrite.py <<'PY'
import struct

def write_shp(path, shape_type, records):
    """records: None (a Null shape) or a list of closed rings of (x, y) points."""
    body, xs, ys = [], [], []
    for i, rings in enumerate(records, 1):
        if rings is None:
            content = struct.pack('<i', 0)
        else:
            pts = [p for r in rings for p in r]
            rx = [p[0] for p in pts]; ry = [p[1] for p in pts]
            xs += rx; ys += ry
            parts, n = [], 0
            for r in rings:
                parts.append(n); n += len(r)
            content = struct.pack('<i4d2i', shape_type, min(rx), min(ry), max(rx), max(ry), len(rings), len(pts))
            content += struct.pack('<%di' % len(parts), *parts)
            content += b''.join(struct.pack('<2d', *p) for p in pts)
        body.append(struct.pack('>2i', i, len(content) // 2) + content)
    data = b''.join(body)
    def header(length):
        return (struct.pack('>7i', 9994, 0, 0, 0, 0, 0, length // 2) + struct.pack('<2i', 1000, shape_type)
                + struct.pack('<4d', min(xs), min(ys), max(xs), max(ys)) + struct.pack('<4d', 0, 0, 0, 0))
    with open(path + '.shp', 'wb') as f:
        f.write(header(100 + len(data)) + data)
    index, offset = [], 100
    for b in body:
        index.append(struct.pack('>2i', offset // 2, len(b) // 2 - 4)); offset += len(b)
    with open(path + '.shx', 'wb') as f:
        f.write(header(100 + 8 * len(body)) + b''.join(index))

def write_dbf(path, fields, rows, ldid, encoding):
    """fields: (name, type, width, decimals); rows: values as the text to store."""
    record = 1 + sum(f[2] for f in fields)
    out = struct.pack('<4BIHH', 3, 95, 7, 26, len(rows), 32 + 32 * len(fields) + 1, record)
    out += b'\0' * 17 + bytes([ldid]) + b'\0\0'
    for name, kind, width, decimals in fields:
        out += name.encode('ascii').ljust(11, b'\0') + kind.encode('ascii') + b'\0' * 4 + bytes([width, decimals]) + b'\0' * 14
    out += b'\r'
    for row in rows:
        out += b' '
        for (name, kind, width, decimals), value in zip(fields, row):
            b = value.encode(encoding)
            out += b.rjust(width) if kind in 'NF' else b.ljust(width)
    with open(path + '.dbf', 'wb') as f:
        f.write(out + b'\x1a')
PY

cat > rings.py <<'PY'
from shpwrite import write_shp, write_dbf

def cw(x0, y0, x1, y1):
    return [(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)]

def ccw(x0, y0, x1, y1):
    return cw(x0, y0, x1, y1)[::-1]

cases = [
    ('one counter-clockwise ring', [ccw(0, 0, 10, 10)]),
    ('two counter-clockwise rings', [ccw(0, 0, 10, 10), ccw(20, 0, 30, 10)]),
    ('a counter-clockwise ring inside another', [ccw(0, 0, 10, 10), ccw(2, 2, 4, 4)]),
    ('a hole before its shell', [ccw(2, 2, 4, 4), cw(0, 0, 10, 10)]),
    ('two shells and their holes', [cw(0, 0, 10, 10), ccw(2, 2, 4, 4), cw(20, 0, 30, 10), ccw(22, 2, 24, 4)]),
    ('holes listed after both shells', [cw(0, 0, 10, 10), cw(20, 0, 30, 10), ccw(22, 2, 24, 4), ccw(2, 2, 4, 4)]),
    ('an island in a lake', [cw(0, 0, 10, 10), ccw(2, 2, 8, 8), cw(3, 3, 7, 7), ccw(4, 4, 6, 6)]),
    ('a clockwise ring inside another', [cw(0, 0, 100, 100), cw(20, 20, 30, 30), ccw(50, 50, 60, 60)]),
    ('a Null shape', None),
    ('a hole outside two shells', [cw(0, 0, 10, 10), cw(20, 0, 30, 10), ccw(40, 0, 42, 2)]),
    ('a clockwise triangle', [[(0, 0), (0, 1), (1, 0), (0, 0)]]),
]
write_shp('rings', 5, [rings for _, rings in cases])
fields = [('case', 'C', 45, 0), ('place', 'C', 12, 0), ('checked', 'L', 1, 0), ('score', 'F', 10, 3),
          ('count', 'F', 6, 0), ('big', 'N', 20, 0), ('surveyed', 'D', 8, 0)]
places = ['Sefwi Wiawso', 'Ténéré', '', '  spaced  ', 'Ghana']
rows = [[name, places[i % 5], 'TFY?n'[i % 5], ['1.500', '', '*****', '-2', '1e3'][i % 5], str(i * 7),
         str(10 ** 19 + i), ['20180314', '', '00000000', '19991231', '20200229'][i % 5]]
        for i, (name, _) in enumerate(cases)]
write_dbf('rings', fields, rows, ldid=0x57, encoding='latin-1')
write_shp('hole_outside', 5, [[cw(0, 0, 10, 10), ccw(20, 20, 22, 22)]])
PY
/usr/bin/python3 rings.py

# dBase headers carry the date they were written: fix it so that two runs give the same bytes.
/usr/bin/python3 - <<'PY'
import glob
for name in glob.glob('*.dbf'):
    with open(name, 'r+b') as f:
        f.seek(1); f.write(bytes([95, 7, 26]))
PY
/usr/bin/python3 - <<'PY'
import zipfile
with zipfile.ZipFile('fields.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for ext in ('shp', 'shx', 'dbf', 'prj', 'cpg'):
        info = zipfile.ZipInfo('fields/fields.' + ext, date_time=(2018, 3, 14, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, open('fields.' + ext, 'rb').read())
PY

rm -f "$here"/*.shp "$here"/*.shx "$here"/*.dbf "$here"/*.prj "$here"/*.cpg "$here"/*.zip "$here"/*.geojson
cp ./*.shp ./*.shx ./*.dbf ./*.prj ./*.cpg ./*.zip ./*.geojson "$here"/
