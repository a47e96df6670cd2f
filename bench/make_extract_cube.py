"""The extraction benchmark's cube, made from cogcube's demo cube (deterministic).

Usage: make_extract_cube.py DEMO_DIR OUT_DIR

OUT_DIR/<date>/ gets, for B04, B08 and CLD of the demo's first 50 dates (1024 x 1024 pixels,
512-pixel blocks, DEFLATE with predictor 2), each layer twice: as one COG (L.tif) and as a VRT over
2 x 2 chunk COGs of 512 x 512 (L.vrt over L.r<row>c<col>.tif, as 'cogcube ingest --chunk-size 512'
writes them). Two simple catalogues name the one or the other: catalog-cog.json and
catalog-vrt.json (date -> [B04, B08, CLD]). field.geojson is a field of about 50 x 50 pixels
(WGS84), inside one 512-pixel block.
"""
import json
import os
import shutil
import sys

from osgeo import gdal, osr

gdal.UseExceptions()

DATES = 50
LAYERS = ["B04", "B08", "CLD"]
CHUNK = 512

demo, out = sys.argv[1:3]
dates = sorted(d for d in os.listdir(demo) if d[:2] == "20" and os.path.isdir(os.path.join(demo, d)))[:DATES]
if len(dates) < DATES:
    sys.exit("make_extract_cube: expected %d dates in %s, found %d" % (DATES, demo, len(dates)))

VRT = """<VRTDataset rasterXSize="{w}" rasterYSize="{h}">
  <SRS dataAxisToSRSAxisMapping="1,2">{srs}</SRS>
  <GeoTransform>{gt}</GeoTransform>
  <VRTRasterBand dataType="{type}" band="1">
{nodata}{sources}  </VRTRasterBand>
</VRTDataset>
"""
SOURCE = """    <SimpleSource>
      <SourceFilename relativeToVRT="1">{name}</SourceFilename>
      <SourceBand>1</SourceBand>
      <SrcRect xOff="0" yOff="0" xSize="{w}" ySize="{h}"/>
      <DstRect xOff="{x}" yOff="{y}" xSize="{w}" ySize="{h}"/>
    </SimpleSource>
"""
COG = ["COMPRESS=DEFLATE", "PREDICTOR=2", "BLOCKSIZE=%d" % CHUNK]


def write_cog(src, dst, src_win=None):
    tmp = dst + ".tmp"
    gdal.Translate(tmp, src, options=gdal.TranslateOptions(format="COG", creationOptions=COG, srcWin=src_win))
    os.replace(tmp, dst)


def write_chunks(cog, folder, layer):
    ds = gdal.Open(cog)
    band = ds.GetRasterBand(1)
    sources = ""
    for y in range(0, ds.RasterYSize, CHUNK):
        for x in range(0, ds.RasterXSize, CHUNK):
            w, h = min(CHUNK, ds.RasterXSize - x), min(CHUNK, ds.RasterYSize - y)
            name = "%s.r%dc%d.tif" % (layer, y // CHUNK, x // CHUNK)
            write_cog(cog, os.path.join(folder, name), [x, y, w, h])
            sources += SOURCE.format(name=name, x=x, y=y, w=w, h=h)
    nodata = band.GetNoDataValue()
    srs = ds.GetSpatialRef()
    text = VRT.format(w=ds.RasterXSize, h=ds.RasterYSize,
                      srs="EPSG:" + srs.GetAuthorityCode(None),
                      gt=", ".join(repr(float(v)) for v in ds.GetGeoTransform()),
                      type=gdal.GetDataTypeName(band.DataType),
                      nodata="" if nodata is None else "    <NoDataValue>%s</NoDataValue>\n" % repr(nodata).rstrip("0").rstrip("."),
                      sources=sources)
    with open(os.path.join(folder, layer + ".vrt"), "w") as f:
        f.write(text)


os.makedirs(out, exist_ok=True)
for date in dates:
    folder = os.path.join(out, date)
    os.makedirs(folder, exist_ok=True)
    for layer in LAYERS:
        cog = os.path.join(folder, layer + ".tif")
        tif = os.path.join(demo, date, layer + ".tif")
        if os.path.exists(tif):
            shutil.copyfile(tif, cog)
        else:
            write_cog(os.path.join(demo, date, layer + ".vrt"), cog)
        write_chunks(cog, folder, layer)
for kind, ext in (("cog", "tif"), ("vrt", "vrt")):
    with open(os.path.join(out, "catalog-%s.json" % kind), "w") as f:
        json.dump({d: ["%s/%s.%s" % (d, layer, ext) for layer in LAYERS] for d in dates}, f, indent=1)

# The field: 50 x 50 pixels, a little skewed, around pixel (256, 330) of the first block.
ds = gdal.Open(os.path.join(out, dates[0], "B04.tif"))
x0, dx, _, y0, _, dy = ds.GetGeoTransform()
corners = [(231, 305), (281.5, 306.5), (280, 356), (230.5, 354.5)]
utm = ds.GetSpatialRef()
wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_wgs84 = osr.CoordinateTransformation(utm, wgs84)
ring = []
for col, row in corners + corners[:1]:
    lon, lat, _ = to_wgs84.TransformPoint(x0 + col * dx, y0 + row * dy)
    ring.append([round(lon, 7), round(lat, 7)])
with open(os.path.join(out, "field.geojson"), "w") as f:
    json.dump({"type": "Polygon", "coordinates": [ring]}, f)
print("made %d dates x %s in %s" % (len(dates), ",".join(LAYERS), out))
