package org.cogcube.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import org.cogcube.testing.GdalInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cogcube extract --roi fields.shp} (or a .zip of it) cuts what {@code --roi fields.geojson} cuts. */
class ExtractShapefileRoiTest {

    @TempDir
    static Path dir;
    static Path catalog;
    static final GridGeometry GRID = new GridGeometry(300, 200, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));
    /** A field with a hole and a field of two parts, in UTM 30N. */
    static final String FIELDS = """
            {"type": "FeatureCollection",
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32630"}},
             "features": [
              {"type": "Feature", "properties": {"crop": "maize"}, "geometry": {"type": "Polygon", "coordinates": [
                [[600205, 799805], [600905, 799795], [600895, 799105], [600215, 799203], [600205, 799805]],
                [[600405, 799605], [600605, 799595], [600505, 799405], [600405, 799605]]]}},
              {"type": "Feature", "properties": {"crop": "yam"}, "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[601503, 798507], [601907, 798512], [601702, 798903], [601503, 798507]]],
                [[[602003, 798507], [602307, 798512], [602302, 798703], [602003, 798507]]]]}}]}
            """;

    @BeforeAll
    static void writeCubeAndRegions() throws Exception {
        Path cube = dir.resolve("cube");
        byte[] bytes = new byte[GRID.width() * GRID.height() * 2];
        for (int i = 0; i < GRID.width() * GRID.height(); i++) {
            Samples.put(SampleType.INT16, bytes, i, i % 97 == 0 ? -9999 : i % 3000);
        }
        Path file = cube.resolve("2018-01-02").resolve("B04.tif");
        Files.createDirectories(file.getParent());
        CogWriter.write(RasterSource.of(Raster.wrap(SampleType.INT16, GRID, OptionalDouble.of(-9999), bytes)), file,
                CogOptions.defaults().withBlockSize(128));
        Catalogs.write(new Catalog(Optional.empty(), List.of(Layer.named("B04")), List.of(Acquisition.of(
                java.time.LocalDate.parse("2018-01-02"), List.of(Asset.of("B04", file.toUri()).withGrid(GRID))))),
                cube);
        catalog = cube.resolve(Catalogs.STAC_FILE);

        Files.writeString(dir.resolve("fields.geojson"), FIELDS);
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", dir.resolve("shp").toString(), dir.resolve("fields.geojson")
                .toString());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("fields.zip")))) {
            for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                Path part = dir.resolve("shp").resolve("fields." + ext);
                if (Files.exists(part)) {
                    zip.putNextEntry(new ZipEntry("fields/fields." + ext));
                    zip.write(Files.readAllBytes(part));
                }
            }
        }
        Path noPrj = Files.createDirectories(dir.resolve("noprj"));
        for (String ext : List.of("shp", "shx", "dbf")) {
            Files.copy(dir.resolve("shp").resolve("fields." + ext), noPrj.resolve("fields." + ext));
        }
    }

    @Test
    void aShapefileAZipOfItAndOneWithoutPrjCutTheSamePixelsAsTheGeoJson() {
        Cut expected = extract("geojson", dir.resolve("fields.geojson").toString());
        assertSame(expected, extract("shp", dir.resolve("shp").resolve("fields.shp").toString()));
        assertSame(expected, extract("zip", dir.resolve("fields.zip").toString()));
        assertSame(expected, extract("noprj", dir.resolve("noprj").resolve("fields.shp").toString(),
                "--roi-crs", "EPSG:32630"));
    }

    @Test
    void aShapefileOfLinesFailsWithOneLine() throws Exception {
        Path lines = dir.resolve("lines.geojson");
        Files.writeString(lines, "{\"type\": \"LineString\", \"coordinates\": [[600100, 799900], [600900, 799100]]}");
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", dir.resolve("lines.shp").toString(), lines.toString());
        CliRun run = CliRun.of("extract", catalog.toString(), "--bands", "B04", "--roi",
                dir.resolve("lines.shp").toString(), "--out", dir.resolve("lines").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("cogcube: " + dir.resolve("lines.shp") + ": a shapefile of PolyLine shapes cannot be a"
                + " region, expected Polygon, PolygonZ or PolygonM"), run.err().lines().toList());
    }

    private record Cut(String name, double[] geoTransform, int width, int height, double[] values) {
    }

    private static Cut extract(String name, String roi, String... more) {
        Path out = dir.resolve("out-" + name);
        List<String> args = new java.util.ArrayList<>(List.of("extract", catalog.toString(), "--bands", "B04",
                "--roi", roi, "--out", out.toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), name + ": " + run.err());
        String tif = out.resolve("B04").resolve("2018-01-02.tif").toString();
        GdalInfo info = Gdal.info(tif);
        return new Cut(name, info.geoTransform(), info.width(), info.height(),
                Gdal.readWindow(tif, 1, 0, 0, info.width(), info.height(), -1));
    }

    private static void assertSame(Cut expected, Cut actual) {
        assertArrayEquals(expected.geoTransform(), actual.geoTransform(), 0, actual.name());
        assertEquals(expected.width(), actual.width(), actual.name());
        assertEquals(expected.height(), actual.height(), actual.name());
        assertArrayEquals(expected.values(), actual.values(), 0, actual.name() + ": the same pixels, NaN alike");
        long kept = java.util.Arrays.stream(actual.values()).filter(v -> !Double.isNaN(v)).count();
        org.junit.jupiter.api.Assertions.assertTrue(kept > 1000, actual.name() + ": " + kept + " pixels kept");
    }
}
