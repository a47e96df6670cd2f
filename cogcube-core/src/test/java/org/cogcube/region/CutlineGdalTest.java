package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cogcube.RegionOutsideException;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.region.GdalComparison.Case;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Cuts equal gdalwarp 3.6's {@code -cutline ROI -crop_to_cutline} (with and without
 * {@code -wo CUTLINE_ALL_TOUCHED=TRUE}): same window, same kept pixels, same values.
 *
 * <p>Regions are written in pixel units of the source ({@code px(column)}, {@code py(row)}) and
 * mapped to the grid's CRS, so that a case says where it lies: {@code 2.5} is the centre of column
 * 2, {@code 3} the edge between columns 2 and 3.
 */
class CutlineGdalTest {

    private static final int EPSG = 32632;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @TempDir
    static Path dir;

    /** 10 m pixels, an origin that is not a multiple of 10: pixel coordinates carry rounding noise. */
    static GridGeometry tenMetres;
    /** 8 m pixels at a multiple of 8: pixel coordinates are exact, so lattice vertices lie exactly on centres and edges. */
    static GridGeometry exact;
    /** 0.3 m pixels at a fractional origin. */
    static GridGeometry fractional;
    /**
     * 0.15 degree pixels (EPSG:4326): regions written in round decimal degrees map to pixel
     * coordinates one rounding away from centres and edges, which GDAL's WKT step snaps back.
     */
    static GridGeometry degrees;
    static Path degreesFile;
    static Path tenMetresFile;
    static Path exactFile;
    static Path fractionalFile;

    @BeforeAll
    static void makeSources() {
        tenMetresFile = dir.resolve("ten_metres.tif");
        tenMetres = GdalWarpCuts.makeSource(tenMetresFile, 200, 150,
                GeoTransform.northUp(500003, 5000007, 10, 10), EPSG);
        exactFile = dir.resolve("exact.tif");
        exact = GdalWarpCuts.makeSource(exactFile, 200, 150, GeoTransform.northUp(499968, 5000064, 8, 8), EPSG);
        fractionalFile = dir.resolve("fractional.tif");
        fractional = GdalWarpCuts.makeSource(fractionalFile, 200, 150,
                GeoTransform.northUp(500003.37, 5000007.91, 0.3, 0.3), EPSG);
        degreesFile = dir.resolve("degrees.tif");
        degrees = GdalWarpCuts.makeSource(degreesFile, 200, 150, GeoTransform.northUp(7.3, 48.35, 0.15, 0.15), 4326);
    }

    @Test
    void rectanglesAtSubPixelOffsetsCutLikeGdal() throws IOException {
        Random random = new Random(20240611);
        List<Polygon> rectangles = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double left = -5 + random.nextDouble() * 190;
            double top = -5 + random.nextDouble() * 140;
            double width = random.nextInt(4) == 0 ? random.nextDouble() * 2 : random.nextDouble() * 40;
            double height = random.nextInt(4) == 0 ? random.nextDouble() * 2 : random.nextDouble() * 40;
            rectangles.add(rectangle(left, top, left + width, top + height));
        }
        assertCutsLikeGdal(tenMetres, tenMetresFile, "rectangle", rectangles);
        assertCutsLikeGdal(fractional, fractionalFile, "rectangle", rectangles.subList(0, 100));
    }

    @Test
    void polygonsWithVerticesOnPixelCentresAndEdgesCutLikeGdal() throws IOException {
        Random random = new Random(7);
        List<Polygon> polygons = new ArrayList<>();
        while (polygons.size() < 150) {
            Polygon p = latticePolygon(random);
            if (p.isValid()) {
                polygons.add(p);
            }
        }
        assertCutsLikeGdal(exact, exactFile, "lattice polygon", polygons);
        assertCutsLikeGdal(tenMetres, tenMetresFile, "lattice polygon", polygons.subList(0, 60));
    }

    @Test
    void polygonsInRoundDecimalDegreesCutLikeGdal() throws IOException {
        Random random = new Random(11);
        List<Geometry> polygons = new ArrayList<>();
        while (polygons.size() < 150) {
            Polygon p = latticePolygon(random);
            if (p.isValid()) {
                polygons.add(decimal(map(p, degrees)));
            }
        }
        assertCutsLikeGdal(degrees, degreesFile, "decimal degree polygon", polygons, 4326, false);
    }

    @Test
    void namedShapesCutLikeGdal() throws IOException {
        List<Geometry> shapes = new ArrayList<>();
        for (String wkt : Shapes.ALL) {
            shapes.add(pixels(wkt));
        }
        assertCutsLikeGdal(exact, exactFile, "shape", shapes);
        assertCutsLikeGdal(tenMetres, tenMetresFile, "shape", shapes);
        assertCutsLikeGdal(fractional, fractionalFile, "shape", shapes);
    }

    @Test
    void regionEntirelyOutsideIsRefusedWhereGdalWritesOnlyNodata() throws IOException {
        Geometry outside = pixels("POLYGON ((-50 10, -10 10, -10 30, -50 30, -50 10))", tenMetres);
        RegionOutsideException e = assertThrows(RegionOutsideException.class,
                () -> Cutline.of(outside, tenMetres, false));
        assertTrue(e.getMessage().contains("shares no point with the grid"), e.getMessage());
        GdalWarpCuts.Output gdal = GdalWarpCuts.run(tenMetresFile,
                List.of(GdalWarpCuts.Job.crop(GeoJsonText.featureCollection(EPSG, outside), false)),
                Files.createTempDirectory(dir, "outside")).get(0);
        assertEquals(40 * 20, gdal.values().length);
        for (float v : gdal.values()) {
            assertEquals(GdalWarpCuts.NODATA, v);
        }
    }

    @Test
    void invalidPolygonIsRefusedLikeGdal() throws IOException {
        Geometry bowTie = pixels("POLYGON ((10 10, 30 30, 30 10, 10 30, 10 10))", tenMetres);
        org.cogcube.InvalidRegionException e = assertThrows(org.cogcube.InvalidRegionException.class,
                () -> Cutline.of(bowTie, tenMetres, false));
        assertTrue(e.getMessage().contains("Self-intersection"), e.getMessage());
        GdalWarpCuts.Output gdal = GdalWarpCuts.run(tenMetresFile,
                List.of(GdalWarpCuts.Job.crop(GeoJsonText.featureCollection(EPSG, bowTie), false)),
                Files.createTempDirectory(dir, "invalid")).get(0);
        assertTrue(gdal.failed() && gdal.error().contains("Cutline polygon is invalid"), String.valueOf(gdal.error()));
    }

    /**
     * gdalwarp validates polygons one by one, so a MultiPolygon whose parts overlap passes. Its
     * rasteriser burns each part, which cogcube does too: the union. But GDAL 3.6 first asks GEOS
     * whether the region contains the whole source window, GEOS fails on the overlapping parts
     * ("side location conflict") and GDAL takes the failure for "contains": it keeps the whole
     * window. cogcube does not follow it there.
     */
    @Test
    void overlappingPolygonsKeepTheirUnionWhereGdalMayKeepTheWholeWindow() throws IOException {
        Geometry overlapping = pixels("MULTIPOLYGON (((60.3 80.3, 75.7 80.3, 75.7 95.7, 60.3 95.7, 60.3 80.3)),"
                + " ((70.3 85.3, 85.7 85.3, 85.7 99.7, 70.3 99.7, 70.3 85.3)))", exact);
        Cutline cut = Cutline.of(overlapping, exact, false);
        assertEquals(Cutline.of(overlapping.union(), exact, false).mask(), cut.mask());
        GdalWarpCuts.Output gdal = GdalWarpCuts.run(exactFile,
                List.of(GdalWarpCuts.Job.crop(GeoJsonText.featureCollection(EPSG, overlapping), false)),
                Files.createTempDirectory(dir, "overlap")).get(0);
        assertEquals(cut.width() * cut.height(), gdal.values().length);
        long gdalKept = 0;
        for (float v : gdal.values()) {
            gdalKept += v != GdalWarpCuts.NODATA ? 1 : 0;
        }
        assertTrue(gdalKept == cut.count() || gdalKept == gdal.values().length,
                "GDAL kept " + gdalKept + " pixels: neither the union (" + cut.count() + ") nor the whole window");
    }

    /**
     * With non-square pixels gdalwarp 3.6's {@code -crop_to_cutline} does not keep the source grid: it
     * picks square pixels and resamples. cogcube cuts in source pixels all the same; its mask equals
     * what GDAL keeps when told the cut's grid ({@code -te} and {@code -tr}, without cropping).
     */
    @Test
    void nonSquarePixelsCutLikeGdalOnTheCutsGrid() throws IOException {
        Path file = dir.resolve("non_square.tif");
        GridGeometry grid = GdalWarpCuts.makeSource(file, 200, 150, GeoTransform.northUp(500003, 5000007, 10, 20),
                EPSG);
        Geometry rectangle = pixels("POLYGON ((2.3 5.6, 40.7 5.6, 40.7 30.2, 2.3 30.2, 2.3 5.6))", grid);
        GdalWarpCuts.Output resampled = GdalWarpCuts.run(file,
                List.of(GdalWarpCuts.Job.crop(GeoJsonText.featureCollection(EPSG, rectangle), false)),
                Files.createTempDirectory(dir, "resampled")).get(0);
        assertTrue(resampled.geoTransform()[1] != 10 || resampled.geoTransform()[5] != -20,
                "GDAL kept the source's pixel size: " + java.util.Arrays.toString(resampled.geoTransform()));

        Random random = new Random(3);
        List<Case> cases = new ArrayList<>();
        List<GdalWarpCuts.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Geometry region;
            do {
                region = map(latticePolygon(random), grid);
            } while (!region.isValid());
            for (boolean allTouched : new boolean[] {false, true}) {
                Cutline cut;
                try {
                    cut = Cutline.of(region, grid, allTouched);
                } catch (RegionOutsideException e) {
                    continue;
                }
                if (cut.window().isEmpty()) {
                    continue;
                }
                GeoTransform t = cut.grid().transform();
                double[] bounds = {t.originX(), t.originY() + cut.height() * t.yPerRow(),
                    t.originX() + cut.width() * t.xPerColumn(), t.originY()};
                cases.add(new Case("non-square lattice polygon " + i, region, allTouched));
                jobs.add(new GdalWarpCuts.Job(GeoJsonText.featureCollection(EPSG, region), allTouched, bounds,
                        new double[] {10, 20}));
            }
        }
        List<GdalWarpCuts.Output> outputs = GdalWarpCuts.run(file, jobs, Files.createTempDirectory(dir, "grid"));
        GdalComparison comparison = new GdalComparison(grid);
        for (int i = 0; i < cases.size(); i++) {
            comparison.compareOnGrid(cases.get(i), outputs.get(i));
        }
        System.out.println("non-square pixels: " + comparison.summary());
        assertTrue(comparison.mismatches().isEmpty(), String.join("\n", comparison.mismatches()));
    }

    /** Region files as users write them, cut by the gdalwarp command itself and read by {@link Regions}. */
    @Test
    void regionFilesCutLikeTheGdalwarpCommand() throws IOException {
        String crs = "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:32632\"}}";
        String polygonWithHole = GeoJsonText.geometry(pixels(
                "POLYGON ((10.2 10.7, 60.9 12.1, 55.3 50.6, 12.1 45.2, 10.2 10.7), (25.5 20.5, 40.5 20.5, 30.5 35.5, 25.5 20.5))",
                tenMetres));
        String multiPolygon = GeoJsonText.geometry(pixels("MULTIPOLYGON (((100.3 100.3, 120.6 100.3, 120.6 120.6,"
                + " 100.3 100.3)), ((150.5 110.5, 170.5 110.5, 170.5 130.5, 150.5 130.5, 150.5 110.5)))", tenMetres));
        String triangle = GeoJsonText.geometry(pixels("POLYGON ((180.5 5.5, 215.2 5.5, 180.5 40.2, 180.5 5.5))",
                tenMetres));
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("geometry.geojson", "{" + crs + ", " + polygonWithHole.substring(1));
        files.put("feature.geojson", "{\"type\": \"Feature\", " + crs + ", \"id\": \"field-7\","
                + " \"properties\": {\"crop\": \"maize\"}, \"geometry\": " + polygonWithHole + "}");
        files.put("collection.geojson", "{\"type\": \"FeatureCollection\", " + crs + ", \"features\": ["
                + "{\"type\": \"Feature\", \"properties\": {\"n\": 1}, \"geometry\": " + polygonWithHole + "},"
                + "{\"type\": \"Feature\", \"properties\": {\"n\": 2}, \"geometry\": " + multiPolygon + "},"
                + "{\"type\": \"Feature\", \"properties\": {\"n\": 3}, \"geometry\": " + triangle + "}]}");
        Path work = Files.createTempDirectory(dir, "files");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path roi = work.resolve(file.getKey());
            Files.writeString(roi, file.getValue());
            Region region = Regions.readGeoJson(roi);
            assertEquals(org.cogcube.geo.Crs.epsg(EPSG), region.crs());
            for (boolean allTouched : new boolean[] {false, true}) {
                Path out = work.resolve(file.getKey() + (allTouched ? ".touched" : "") + ".tif");
                List<String> command = new ArrayList<>(List.of("gdalwarp", "-q", "-cutline", roi.toString(),
                        "-crop_to_cutline", "-dstnodata", "-9999"));
                if (allTouched) {
                    command.addAll(List.of("-wo", "CUTLINE_ALL_TOUCHED=TRUE"));
                }
                command.addAll(List.of(tenMetresFile.toString(), out.toString()));
                Gdal.run(command.toArray(String[]::new));
                Cutline cut = Cutline.of(region, tenMetres, allTouched);
                org.cogcube.testing.GdalInfo info = Gdal.info(out.toString());
                String what = file.getKey() + (allTouched ? " (all touched)" : "");
                assertEquals(cut.width(), info.width(), what);
                assertEquals(cut.height(), info.height(), what);
                assertTrue(java.util.Arrays.equals(cut.grid().transform().toGdal(), info.geoTransform()), what);
                double[] values = Gdal.readWindow(out.toString(), 1, 0, 0, info.width(), info.height(), -1);
                for (int y = 0; y < cut.height(); y++) {
                    for (int x = 0; x < cut.width(); x++) {
                        int column = cut.column() + x;
                        int row = cut.row() + y;
                        double expected = cut.contains(column, row) ? GdalWarpCuts.sourceValue(column, row)
                                : GdalWarpCuts.NODATA;
                        assertEquals(expected, values[y * cut.width() + x], what + ", pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    private void assertCutsLikeGdal(GridGeometry grid, Path file, String kind, List<? extends Geometry> regions)
            throws IOException {
        assertCutsLikeGdal(grid, file, kind, regions, EPSG, true);
    }

    private void assertCutsLikeGdal(GridGeometry grid, Path file, String kind, List<? extends Geometry> regions,
            int epsg, boolean inPixels) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<GdalWarpCuts.Job> jobs = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Geometry region = inPixels ? map(regions.get(i), grid) : regions.get(i);
            for (boolean allTouched : new boolean[] {false, true}) {
                cases.add(new Case(kind + " " + i, region, allTouched));
                jobs.add(GdalWarpCuts.Job.crop(GeoJsonText.featureCollection(epsg, region), allTouched));
            }
        }
        List<GdalWarpCuts.Output> outputs = GdalWarpCuts.run(file, jobs, Files.createTempDirectory(dir, "cuts"));
        GdalComparison comparison = new GdalComparison(grid);
        for (int i = 0; i < cases.size(); i++) {
            comparison.compareCrop(cases.get(i), outputs.get(i));
        }
        System.out.println(kind + "s on " + grid.transform() + ": " + comparison.summary());
        List<String> mismatches = comparison.mismatches();
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " cuts differ from GDAL's; first:\n"
                + String.join("\n", mismatches.subList(0, Math.min(5, mismatches.size()))));
    }

    /** A polygon whose vertices lie on the half-pixel lattice: on centres, edges and corners. */
    private static Polygon latticePolygon(Random random) {
        int n = 3 + random.nextInt(7);
        double cx = -4 + random.nextInt(208);
        double cy = -4 + random.nextInt(158);
        double radius = 0.5 + random.nextInt(30);
        Coordinate[] ring = new Coordinate[n + 1];
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = random.nextDouble() * 2 * Math.PI;
        }
        java.util.Arrays.sort(angles);
        for (int i = 0; i < n; i++) {
            double r = radius * (0.3 + random.nextDouble());
            ring[i] = new Coordinate(half(cx + r * Math.cos(angles[i])), half(cy + r * Math.sin(angles[i])));
        }
        ring[n] = ring[0];
        if (random.nextBoolean()) {
            java.util.Collections.reverse(java.util.Arrays.asList(ring));
        }
        return FACTORY.createPolygon(ring);
    }

    /** The region with every coordinate rounded to 6 decimals, as a user would type it. */
    private static Geometry decimal(Geometry region) {
        Geometry g = region.copy();
        g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = new java.math.BigDecimal(c.x).setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue();
            c.y = new java.math.BigDecimal(c.y).setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue();
        });
        g.geometryChanged();
        return g;
    }

    private static double half(double v) {
        return Math.round(v * 2) / 2.0;
    }

    private static Polygon rectangle(double left, double top, double right, double bottom) {
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(left, top), new Coordinate(left, bottom),
            new Coordinate(right, bottom), new Coordinate(right, top), new Coordinate(left, top)});
    }

    /** A WKT region in pixel units (x = column, y = row, growing downwards). */
    private static Geometry pixels(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new AssertionError(wkt, e);
        }
    }

    private static Geometry pixels(String wkt, GridGeometry grid) {
        return map(pixels(wkt), grid);
    }

    /** Maps a region in pixel units to the grid's CRS with the grid's geotransform. */
    static Geometry map(Geometry pixels, GridGeometry grid) {
        Geometry g = pixels.copy();
        g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double x = grid.transform().x(c.x, c.y);
            double y = grid.transform().y(c.x, c.y);
            c.x = x;
            c.y = y;
        });
        g.geometryChanged();
        return g;
    }

    static {
        // The oracle needs GDAL; fail early and clearly if it is missing.
        Gdal.output(Gdal.PYTHON, "-c", "from osgeo import gdal");
    }
}
