package org.cogcube.subset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.cogcube.MalformedFileException;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;
import org.cogcube.raster.Window;
import org.cogcube.region.Region;
import org.cogcube.region.Regions;
import org.junit.jupiter.api.Test;

/** Requests and answers read back to what was written, and hostile answers are refused. */
class WireFormatTest {
    static final GridGeometry GRID = new GridGeometry(300, 200, GeoTransform.northUp(600000, 800000, 10, 10),
            Crs.epsg(32630));

    @Test
    void aRequestReadsBackFromItsQueryString() {
        Region region = Regions.parseGeoJson("{\"type\": \"MultiPolygon\", \"coordinates\": ["
                + "[[[-2.1,7.23],[-2.085,7.2305],[-2.0852,7.22],[-2.1,7.23]]],"
                + "[[[-2.06,7.2],[-2.045,7.21],[-2.05,7.195],[-2.06,7.2]]]]}", "test");
        CutRequest request = new CutRequest(List.of("2018-01-02/B04.tif", "a b&c=d%/é.vrt"), region, true);
        CutRequest back = CutRequest.parse(request.toQuery());
        assertEquals(request.files(), back.files());
        assertEquals(request.allTouched(), back.allTouched());
        assertEquals(region.crs(), back.region().crs());
        assertTrue(region.geometry().equalsExact(back.region().geometry()), "the same polygons, bit for bit");
        assertEquals(request.toQuery(), back.toQuery(), "canonical");
    }

    @Test
    void aCatalogueQueryReadsBackFromItsQueryString() {
        Region region = Regions.parseGeoJson("{\"type\": \"Polygon\", \"coordinates\": "
                + "[[[-2.1,7.23],[-2.085,7.2305],[-2.0852,7.22],[-2.1,7.23]]]}", "test");
        for (String dates : List.of(CatalogCutRequest.ALL_DATES, "2018-01-02..2018-03-31", "2018-01-02",
                "2018-01-02,2018-01-12")) {
            CatalogCutRequest request = new CatalogCutRequest("cubes/a b%/catalog.json", List.of("B04", "B&8", "CLD"),
                    List.of("B&8", "B04"), dates.length() > 10 ? Optional.of("CLD") : Optional.empty(), dates, region,
                    dates.contains(","));
            assertTrue(CatalogCutRequest.asksCatalog(request.toQuery()), request.toQuery());
            CatalogCutRequest back = CatalogCutRequest.parse(request.toQuery());
            assertEquals(request.catalog(), back.catalog());
            assertEquals(request.layerNames(), back.layerNames());
            assertEquals(request.bands(), back.bands(), "the bands in order");
            assertEquals(request.cloud(), back.cloud());
            assertEquals(request.dates(), back.dates());
            assertEquals(request.allTouched(), back.allTouched());
            assertTrue(region.geometry().equalsExact(back.region().geometry()), "the same polygon, bit for bit");
            assertEquals(request.toQuery(), back.toQuery(), "canonical");
        }
        CatalogCutRequest range = CatalogCutRequest.parse(new CatalogCutRequest("c.json", List.of(), List.of("B04"),
                Optional.empty(), "2018-01-02..2018-03-31", region, false).toQuery());
        assertTrue(range.dateRange());
        assertEquals(List.of(java.time.LocalDate.of(2018, 1, 2), java.time.LocalDate.of(2018, 3, 31)),
                range.dateList());
        assertEquals(List.of(java.time.LocalDate.of(2018, 1, 2), java.time.LocalDate.of(2018, 1, 12)),
                new CatalogCutRequest("c.json", List.of(), List.of("B04"), Optional.empty(),
                        "2018-01-12,2018-01-02,2018-01-12", region, false).dateList(), "sorted, without repeats");
        assertTrue(!CatalogCutRequest.asksCatalog(new CutRequest(List.of("a.tif"), region, false).toQuery()));
    }

    @Test
    void batchesKeepEveryFileInOrderWithinTheFileAndQueryLimits() {
        Region region = Regions.parseGeoJson("{\"type\": \"Polygon\", \"coordinates\": "
                + "[[[-2.1,7.23],[-2.085,7.2305],[-2.0852,7.22],[-2.1,7.23]]]}", "test");
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            files.add(String.format("%04d-01-02/B%02d.tif", 2000 + i / 3, i % 3));
        }
        List<Integer> sizes = CutRequest.batches(files, region, false);
        assertEquals(files.size(), sizes.stream().mapToInt(Integer::intValue).sum());
        int from = 0;
        for (int size : sizes) {
            CutRequest request = new CutRequest(files.subList(from, from + size), region, false);
            assertTrue(request.toQuery().length() <= CutRequest.MAX_QUERY, "query of " + size + " files: "
                    + request.toQuery().length() + " characters");
            if (from + size < files.size()) {
                String next = "file=" + files.get(from + size) + "&";
                assertTrue(size == CutRequest.MAX_FILES || request.toQuery().length() + next.length()
                        > CutRequest.MAX_QUERY, "batch " + size + " could have taken the next file");
            }
            assertEquals(files.subList(from, from + size), CutRequest.parse(request.toQuery()).files());
            from += size;
        }
        assertEquals(List.of(150), CutRequest.batches(files.subList(0, 150), region, false),
                "50 dates of 3 short names go in one request");
        String huge = "a/".repeat(CutRequest.MAX_QUERY / 2) + "x.tif";
        assertEquals(List.of(1, 1, 1), CutRequest.batches(List.of("x.tif", huge, "y.tif"), region, false),
                "a file too long to share a request goes alone");
    }

    @Test
    void answersReadBackForEverySampleType() {
        Random random = new Random(3);
        for (SampleType type : SampleType.values()) {
            Window w = Window.of(10, 20, 37, 23);
            byte[] bytes = new byte[(int) w.pixels() * type.bytes()];
            for (int i = 0; i < w.pixels(); i++) {
                double v = type.isFloatingPoint() && i % 17 == 0 ? Double.NaN
                        : Math.floor(type.minValue() + random.nextDouble() * Math.min(1e6, type.maxValue() - type.minValue()));
                Samples.put(type, bytes, i, v);
            }
            GridGeometry windowGrid = GRID.window(w.column(), w.row(), w.width(), w.height());
            Raster raster = Raster.wrap(type, windowGrid, OptionalDouble.of(-1), bytes.clone());
            CutAnswer.Entry entry = CutAnswer.Entry.of("f.tif", "v1", GRID, OptionalDouble.of(-1), w, raster);
            CutAnswer.Entry none = new CutAnswer.Entry("g.tif", "v2", GRID, type, OptionalDouble.empty(),
                    CutAnswer.Kind.NO_WINDOW, Optional.empty(), new byte[0]);
            List<CutAnswer.Entry> back = CutAnswer.decode(CutAnswer.encode(List.of(entry, none)), "test");
            assertEquals(2, back.size());
            Raster samples = back.get(0).samples("test");
            assertEquals(windowGrid, samples.grid(), type.toString());
            byte[] got = new byte[samples.data(0).remaining()];
            samples.data(0).duplicate().get(got);
            assertArrayEquals(bytes, got, type.toString());
            assertEquals(CutAnswer.Kind.NO_WINDOW, back.get(1).kind());
            assertEquals(OptionalDouble.empty(), back.get(1).nodata());
        }
    }

    @Test
    void pixelsOutsideTheRegionAreFilledFromTheirRowAndCostAlmostNothing() {
        Random random = new Random(5);
        Window w = Window.of(10, 20, 60, 50);
        SampleType type = SampleType.UINT16;
        byte[] bytes = new byte[(int) w.pixels() * type.bytes()];
        for (int i = 0; i < w.pixels(); i++) {
            Samples.put(type, bytes, i, 500 + random.nextInt(3000));
        }
        // A diamond with a notch: rows with a gap inside, rows with nothing inside.
        CutAnswer.Inside inside = (column, row) -> {
            int x = column - 40;
            int y = row - 45;
            return row < 65 && Math.abs(x) + Math.abs(y) <= 22 && !(y > 5 && Math.abs(x) < 3);
        };
        GridGeometry windowGrid = GRID.window(w.column(), w.row(), w.width(), w.height());
        Raster raster = Raster.wrap(type, windowGrid, OptionalDouble.empty(), bytes.clone());
        CutAnswer.Entry all = CutAnswer.Entry.of("f.tif", "v", GRID, OptionalDouble.empty(), w, raster);
        CutAnswer.Entry masked = CutAnswer.Entry.of("f.tif", "v", GRID, OptionalDouble.empty(), w, raster, inside);
        Raster back = CutAnswer.decode(CutAnswer.encode(List.of(masked)), "test").get(0).samples("test");
        int insideCount = 0;
        for (int y = 0; y < w.height(); y++) {
            int firstInside = -1;
            for (int x = 0; x < w.width() && firstInside < 0; x++) {
                firstInside = inside.contains(w.column() + x, w.row() + y) ? x : -1;
            }
            double left = firstInside < 0 ? 0 : raster.get(0, firstInside, y);
            for (int x = 0; x < w.width(); x++) {
                if (inside.contains(w.column() + x, w.row() + y)) {
                    insideCount++;
                    left = raster.get(0, x, y);
                    assertEquals(left, back.get(0, x, y), "inside at " + x + "," + y);
                } else {
                    assertEquals(left, back.get(0, x, y), "outside at " + x + "," + y);
                }
            }
        }
        double shareInside = (double) insideCount / w.pixels();
        assertTrue(shareInside > 0.2 && shareInside < 0.5, "the test's region covers " + shareInside);
        assertTrue(masked.packed().length < all.packed().length * (shareInside + 0.1),
                masked.packed().length + " bytes masked, " + all.packed().length + " whole, " + shareInside + " inside");
    }

    @Test
    void truncatedOrInconsistentAnswersAreMalformed() {
        byte[] bytes = new byte[40 * 30 * 2];
        Raster raster = Raster.wrap(SampleType.UINT16, GRID.window(0, 0, 40, 30), OptionalDouble.empty(), bytes);
        byte[] body = CutAnswer.encode(List.of(CutAnswer.Entry.of("f.tif", "v", GRID, OptionalDouble.empty(),
                Window.of(0, 0, 40, 30), raster)));
        for (int cut : List.of(0, 3, 5, 20, body.length - 1)) {
            assertThrows(MalformedFileException.class, () -> CutAnswer.decode(Arrays.copyOf(body, cut), "test"),
                    "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(body, body.length + 1);
        assertThrows(MalformedFileException.class, () -> CutAnswer.decode(longer, "test"));
        byte[] wrongMagic = body.clone();
        wrongMagic[0] = 'X';
        assertThrows(MalformedFileException.class, () -> CutAnswer.decode(wrongMagic, "test"));
    }

    @Test
    void samplesThatDoNotInflateToTheWindowAreMalformedNamingTheFile() {
        Window w = Window.of(0, 0, 40, 30);
        int length = (int) w.pixels() * 2;
        for (byte[] packed : List.of(deflate(new byte[length - 1]), deflate(new byte[length + 1]),
                Arrays.copyOf(deflate(new byte[length]), 6), new byte[] {1, 2, 3, 4}, new byte[0],
                concat(deflate(new byte[length]), new byte[] {0}))) {
            CutAnswer.Entry entry = new CutAnswer.Entry("bad.tif", "v", GRID, SampleType.UINT16, OptionalDouble.empty(),
                    CutAnswer.Kind.WINDOW, Optional.of(w), packed);
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> entry.samples("test"),
                    packed.length + " bytes");
            assertTrue(e.getMessage().contains("bad.tif"), e.getMessage());
        }
        CutAnswer.Entry good = new CutAnswer.Entry("good.tif", "v", GRID, SampleType.UINT16, OptionalDouble.empty(),
                CutAnswer.Kind.WINDOW, Optional.of(w), deflate(new byte[length]));
        assertEquals(40, good.samples("test").width(), "a stream of exactly the window's bytes reads");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void aRegionThatIsNotPolygonalIsRefused() {
        var point = new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(1, 2));
        String wkb = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(
                new org.locationtech.jts.io.WKBWriter().write(point)));
        BadParameterException e = assertThrows(BadParameterException.class,
                () -> CutRequest.parse("file=a.tif&region=" + wkb + "&crs=4326&touched=0"));
        assertEquals("region", e.parameter());
        assertTrue(e.getMessage().contains("Point"), e.getMessage());
    }

    static byte[] deflate(byte[] data) {
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(data);
        d.finish();
        byte[] out = new byte[1024];
        int n = d.deflate(out);
        d.end();
        return Arrays.copyOf(out, n);
    }
}
