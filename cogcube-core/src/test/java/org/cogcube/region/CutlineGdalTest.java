package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
