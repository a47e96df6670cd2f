package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;

/**
 * WGS84 footprints of whole Sentinel-2 tiles and other grids, against PROJ through GDAL: the
 * corners within 1e-6 degrees, and the bounding box within 1e-6 degrees of the box of 1000
 * points along each edge (so densification catches the edges' bending).
 */
class FootprintGdalTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final List<GridGeometry> GRIDS = List.of(
            // tile 30NVL's neighbour at the western edge of UTM 30N, over Ghana: edges bend most away from the meridian
            new GridGeometry(10980, 10980, GeoTransform.northUp(199980, 1000020, 10, 10), Crs.epsg(32630)),
            new GridGeometry(5490, 5490, GeoTransform.northUp(699960, 700020, 20, 20), Crs.epsg(32630)),
            new GridGeometry(1830, 1830, GeoTransform.northUp(199980, 1200000, 60, 60), Crs.epsg(32631)),
            new GridGeometry(10980, 10980, GeoTransform.northUp(300000, 9000040, 10, 10), Crs.epsg(32730)),
            new GridGeometry(3600, 2400, GeoTransform.northUp(-3.5, 11.2, 0.001, 0.001), Crs.epsg(4326)));

    @Test
    void footprintsAgreeWithProjWithinAMicroDegree() throws Exception {
        ArrayNode request = JSON.createArrayNode();
        for (GridGeometry g : GRIDS) {
            request.addObject().put("epsg", g.crs().epsg()).put("width", g.width()).put("height", g.height())
                    .set("gt", JSON.valueToTree(g.transform().toGdal()));
        }
        JsonNode expected = JSON.readTree(Gdal.output(Gdal.PYTHON, "-c", GdalStacScripts.FOOTPRINTS,
                request.toString()));
        for (int i = 0; i < GRIDS.size(); i++) {
            GridGeometry grid = GRIDS.get(i);
            Footprint f = Footprint.of(grid);
            JsonNode corners = expected.get(i).get("corners");
            for (int c = 0; c < 4; c++) {
                double[] corner = StacitGdalTest.doubles(corners.get(c));
                assertTrue(f.ring().stream().anyMatch(p -> Math.abs(p[0] - corner[0]) < 1e-6
                        && Math.abs(p[1] - corner[1]) < 1e-6), grid + ": no ring point at corner " + c);
            }
            assertArrayEquals(StacitGdalTest.doubles(expected.get(i).get("bbox")), f.bbox(), 1e-6, grid.toString());
        }
    }

    @Test
    void aWholeTileIsDensifiedAndTheRingGoesCounterclockwise() {
        Footprint f = Footprint.of(GRIDS.get(0));
        assertTrue(f.ring().size() > 5, "a 110 km tile at the zone's edge needs more than its corners: "
                + f.ring().size());
        assertTrue(f.ring().size() < 50, "but not hundreds of points: " + f.ring().size());
        assertArrayEquals(f.ring().get(0), f.ring().get(f.ring().size() - 1));
        double area = 0;
        for (int i = 0; i + 1 < f.ring().size(); i++) {
            area += f.ring().get(i)[0] * f.ring().get(i + 1)[1] - f.ring().get(i + 1)[0] * f.ring().get(i)[1];
        }
        assertTrue(area > 0, "counterclockwise, as RFC 7946 asks");
    }

    @Test
    void aSmallGridNeedsOnlyItsCorners() {
        assertEquals(5, Footprint.of(GoldenCatalogTest.GRID_10M).ring().size());
    }

    @Test
    void aCrsTheProjectionLibraryDoesNotKnowIsNamed() {
        GridGeometry grid = new GridGeometry(10, 10, GeoTransform.northUp(0, 0, 1, 1), Crs.epsg(999999));
        org.cogcube.UnsupportedFeatureException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.cogcube.UnsupportedFeatureException.class, () -> Footprint.of(grid));
        assertEquals("cannot compute the WGS84 footprint of a grid in EPSG:999999: the projection library does not"
                + " know EPSG:999999 (EPSG:999999)", e.getMessage());
    }
}
