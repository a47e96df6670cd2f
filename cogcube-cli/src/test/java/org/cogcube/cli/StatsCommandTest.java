package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.Layer;
import org.cogcube.cog.CogOptions;
import org.cogcube.cog.CogWriter;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.RasterSource;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cogcube stats} writes per field, date and variable the statistics numpy gives on gdalwarp's cuts. */
class StatsCommandTest {

    @TempDir
    static Path dir;
    static Path cube;
    static final GridGeometry GRID = new GridGeometry(300, 200, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    static final String[] DATES = {"2018-01-02", "2018-01-07"};
    /** Two fields in WGS84 named by a property, the second overlapping the first. */
    static final String FIELDS = "{\"type\": \"FeatureCollection\", \"features\": ["
            + "{\"type\": \"Feature\", \"properties\": {\"name\": \"north\"}, \"geometry\": {\"type\": \"Polygon\","
            + " \"coordinates\": [[[-2.0925,7.2365],[-2.0745,7.2355],[-2.0760,7.2225],[-2.0840,7.2290],"
            + "[-2.0930,7.2240],[-2.0925,7.2365]]]}},"
            + "{\"type\": \"Feature\", \"properties\": {\"name\": \"east, 2\"}, \"geometry\": {\"type\": \"Polygon\","
            + " \"coordinates\": [[[-2.0800,7.2300],[-2.0720,7.2300],[-2.0720,7.2360],[-2.0800,7.2360],"
            + "[-2.0800,7.2300]]]}}]}";

    /** Two dates of B04, B08 (int16, nodata -9999) and CLD (uint8, no nodata); the second date is all cloud. */
    @BeforeAll
    static void writeCube() throws Exception {
        cube = dir.resolve("cube");
        List<Acquisition> acquisitions = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            List<Asset> assets = new ArrayList<>();
            for (String layer : new String[] {"B04", "B08", "CLD"}) {
                SampleType type = layer.equals("CLD") ? SampleType.UINT8 : SampleType.INT16;
                byte[] bytes = new byte[GRID.width() * GRID.height() * type.bytes()];
                for (int i = 0; i < GRID.width() * GRID.height(); i++) {
                    double v = switch (layer) {
                        case "CLD" -> d == 1 ? 100 : i % 40;
                        case "B04" -> i % 97 == 0 ? -9999 : i % 3000;
                        default -> 1000 + i % 4000;
                    };
                    Samples.put(type, bytes, i, v);
                }
                Raster r = Raster.wrap(type, GRID, layer.equals("CLD") ? OptionalDouble.empty()
                        : OptionalDouble.of(-9999), bytes);
                Path file = cube.resolve(DATES[d]).resolve(layer + ".tif");
                Files.createDirectories(file.getParent());
                CogWriter.write(RasterSource.of(r), file, CogOptions.defaults().withBlockSize(128));
                assets.add(Asset.of(layer, file.toUri()).withGrid(GRID));
            }
            acquisitions.add(Acquisition.of(LocalDate.parse(DATES[d]), assets));
        }
        Catalogs.write(new Catalog(Optional.empty(), List.of(Layer.named("B04"), Layer.named("B08"),
                Layer.named("CLD")), acquisitions), cube);
        Files.writeString(dir.resolve("fields.geojson"), FIELDS);
    }

    private static String catalog() {
        return cube.resolve(Catalogs.STAC_FILE).toString();
    }

    @Test
    void writesARowPerFieldDateAndVariableWithNumpysStatistics() throws Exception {
        Path table = dir.resolve("out").resolve("table.csv");
        CliRun run = CliRun.of("stats", catalog(), "--roi", dir.resolve("fields.geojson").toString(), "--id-property",
                "name", "--bands", "B04", "--expr", "NDVI=(B08-B04)/(B08+B04)", "--cloud-mask", "CLD:20", "--out",
                table.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote 8 row(s) for 2 feature(s)") && run.out().contains("4 without a valid"),
                run.out());
        List<String> lines = Files.readAllLines(table);
        assertEquals("feature_id,date,variable,valid_pixels,total_pixels,mean,std,min,median,max", lines.get(0));
        assertEquals(9, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(3).matches("north,2018-01-07,B04,0,\\d+,,,,,"), "a cloudy date: " + lines.get(3));
        assertTrue(lines.get(6).startsWith("\"east, 2\",2018-01-02,NDVI,"), lines.get(6));
        assertFalse(Files.list(table.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                "no temporary file left");

        // The reference: each field cut by gdalwarp, masked and summarised in numpy.
        String numpy = Gdal.output(Gdal.PYTHON, "-c", REFERENCE, cube.resolve(DATES[0]).toString(),
                dir.resolve("fields.geojson").toString(), dir.toString());
        List<String> expected = numpy.lines().toList();
        for (int i = 0; i < 4; i++) {
            String[] want = expected.get(i).split(" ");
            String line = lines.get(i < 2 ? 1 + i : 3 + i);
            String[] got = line.substring(line.indexOf(",2018")).split(",");
            assertEquals(want[0], got[2], line);
            assertEquals(want[1], got[3] + "/" + got[4], "valid/total of " + line);
            assertEquals(Double.parseDouble(want[2]), Double.parseDouble(got[5]), 1e-9 * Math.abs(Double.parseDouble(
                    want[2])), "mean of " + line);
        }
    }

    @Test
    void writesTheSameTableToStandardOutput() throws Exception {
        Path table = dir.resolve("same.csv");
        String[] args = {"stats", catalog(), "--roi", dir.resolve("fields.geojson").toString(), "--expr",
            "NDVI=(B08-B04)/(B08+B04)", "--dates", DATES[0], "-q", "--out"};
        CliRun file = CliRun.of(concat(args, table.toString()));
        CliRun stdout = CliRun.of(concat(args, "-"));
        assertEquals(0, file.exitCode(), file.err());
        assertEquals(0, stdout.exitCode(), stdout.err());
        assertEquals(Files.readString(table), stdout.out());
        assertTrue(stdout.out().lines().skip(1).allMatch(l -> l.startsWith("1,") || l.startsWith("2,")),
                "features named by position: " + stdout.out());
    }

    @Test
    void warnsOfOdditiesOfTheCatalogueUnlessQuiet() throws Exception {
        // A catalogue whose items say no EPSG code: read, with a warning naming the file.
        Path odd = cube.resolve("catalog-no-epsg.json");
        Files.writeString(odd, Files.readString(cube.resolve(Catalogs.STAC_FILE))
                .replaceAll("\"proj:epsg\"\\s*:\\s*32630", "\"proj:epsg\": null"));
        String[] args = {"stats", odd.toString(), "--roi", dir.resolve("fields.geojson").toString(), "--bands", "B04",
            "--dates", DATES[0], "--out", "-"};
        CliRun loud = CliRun.of(args);
        assertEquals(0, loud.exitCode(), loud.err());
        assertTrue(loud.err().contains("warning: ") && loud.err().contains("no EPSG code"), loud.err());
        CliRun quiet = CliRun.of(concat(args, "-q"));
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err());
        assertEquals(loud.out(), quiet.out());
    }

    @Test
    void noVariableOrABadExpressionIsAUsageError() {
        String roi = dir.resolve("fields.geojson").toString();
        CliRun none = CliRun.of("stats", catalog(), "--roi", roi, "--out", "-");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("give --bands, --expr or both"), none.err());
        CliRun bad = CliRun.of("stats", catalog(), "--roi", roi, "--expr", "NDVI=(B08-B04", "--out", "-");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--expr: in the expression '(B08-B04' at character"), bad.err());
    }

    @Test
    void anUnknownBandOrAMissingIdPropertyFailsWithExitOne() {
        String roi = dir.resolve("fields.geojson").toString();
        CliRun band = CliRun.of("stats", catalog(), "--roi", roi, "--expr", "X=B99-B04", "--out", "-");
        assertEquals(1, band.exitCode());
        assertTrue(band.err().contains("no layer 'B99'"), band.err());
        CliRun id = CliRun.of("stats", catalog(), "--roi", roi, "--bands", "B04", "--id-property", "crop", "--out",
                "-");
        assertEquals(1, id.exitCode());
        assertTrue(id.err().contains("feature 1 has no property 'crop'"), id.err());
    }

    @Test
    void helpShowsExamples() {
        CliRun run = CliRun.of("stats", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--expr 'NDVI=(B08-B04)/(B08+B04)'") && run.out().contains("--id-property"),
                run.out());
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    /** Per field of the first date: gdalwarp each layer to the field alone, mask, print "VARIABLE VALID/TOTAL MEAN". */
    private static final String REFERENCE = """
            import json, os, sys
            import numpy as np
            from osgeo import gdal
            gdal.UseExceptions()
            folder, fields, work = sys.argv[1:4]
            for i, f in enumerate(json.load(open(fields))["features"]):
                path = os.path.join(work, "field%d.geojson" % i)
                with open(path, "w") as out:
                    json.dump({"type": "FeatureCollection", "features": [f]}, out)
                def cut(layer, nodata):
                    kw = dict(format="MEM", cutlineDSName=path, cropToCutline=True)
                    if nodata is not None:
                        kw["dstNodata"] = nodata
                    ds = gdal.Warp("", os.path.join(folder, layer + ".tif"), **kw)  # kept while its band is read
                    return ds.GetRasterBand(1).ReadAsArray()
                cloud = cut("CLD", None)
                ones = cut("CLD", 255)
                total = int((ones != 255).sum())
                bands = {}
                for b in ("B04", "B08"):
                    a = cut(b, -9999).astype(np.float32)
                    a[a < -9990] = np.nan
                    a[cloud > 20] = np.nan
                    bands[b] = a
                ndvi = ((bands["B08"].astype(np.float64) - bands["B04"]) / (bands["B08"].astype(np.float64)
                        + bands["B04"])).astype(np.float32)
                for name, v in (("B04", bands["B04"]), ("NDVI", ndvi)):
                    v = v[~np.isnan(v)].astype(np.float64)
                    print(name, "%d/%d" % (v.size, total), repr(v.mean()))
            """;
}
