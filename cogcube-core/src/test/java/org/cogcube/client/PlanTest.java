package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cogcube.UnknownLayerException;
import org.cogcube.catalog.Acquisition;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Layer;
import org.cogcube.geo.Crs;
import org.junit.jupiter.api.Test;

/** The plan: which files a query reads, checked against the catalogue alone, without any I/O. */
class PlanTest {

    static final LocalDate JAN2 = LocalDate.of(2018, 1, 2);
    static final LocalDate JAN7 = LocalDate.of(2018, 1, 7);
    static final LocalDate JAN12 = LocalDate.of(2018, 1, 12);

    /** Three dates of B04, B08, CLD; B08 missing on 7 January, CLD missing on 12 January. */
    static Catalog catalog() {
        List<Acquisition> acquisitions = new ArrayList<>();
        for (LocalDate date : List.of(JAN2, JAN7, JAN12)) {
            List<Asset> assets = new ArrayList<>();
            for (String layer : List.of("B04", "B08", "CLD")) {
                if ((layer.equals("B08") && date.equals(JAN7)) || (layer.equals("CLD") && date.equals(JAN12))) {
                    continue;
                }
                assets.add(Asset.of(layer, URI.create("https://example.org/cube/" + date + "/" + layer + ".tif")));
            }
            acquisitions.add(Acquisition.of(date, assets));
        }
        return Catalog.of(List.of(Layer.named("B04"), Layer.named("B08"), Layer.named("CLD")), acquisitions);
    }

    static Query query() {
        return Query.of(Query.bbox(0, 0, 1, 1, Crs.epsg(4326)), "B08", "B04");
    }

    @Test
    void readsEachBandOfEachDateInTheQuerysOrderAndDropsWhatIsMissing() {
        Plan plan = Plan.of(catalog(), query());
        assertEquals(List.of(JAN2, JAN7, JAN12), plan.dates().stream().map(Plan.DateFiles::date).toList());
        assertEquals(List.of("B08", "B04"), List.copyOf(plan.dates().get(0).bands().keySet()));
        assertEquals(List.of("B04"), List.copyOf(plan.dates().get(1).bands().keySet()));
        assertEquals(List.of(new Dropped("B08", JAN7, Dropped.Reason.MISSING)), plan.missing());
        assertEquals(5, plan.fileCount());
    }

    @Test
    void withACloudMaskADateWithoutCloudLayerIsDroppedWhole() {
        Plan plan = Plan.of(catalog(), query().withCloudMask("CLD", 20));
        assertEquals(List.of(JAN2, JAN7), plan.dates().stream().map(Plan.DateFiles::date).toList());
        assertTrue(plan.missing().contains(new Dropped("B04", JAN12, Dropped.Reason.MISSING)));
        assertTrue(plan.missing().contains(new Dropped("B08", JAN12, Dropped.Reason.MISSING)));
        assertEquals(3 + 2, plan.fileCount());
    }

    @Test
    void rangesAndListsPickDates() {
        assertEquals(List.of(JAN7), Plan.of(catalog(), query().between(JAN7.minusDays(1), JAN7.plusDays(1))).dates()
                .stream().map(Plan.DateFiles::date).toList());
        assertEquals(List.of(JAN2, JAN12), Plan.of(catalog(), query().on(JAN12, JAN2)).dates().stream()
                .map(Plan.DateFiles::date).toList());
    }

    @Test
    void anEmptyRangeOrAnAbsentDateIsRefusedNamingTheCubesDates() {
        NoDatesException e = assertThrows(NoDatesException.class,
                () -> Plan.of(catalog(), query().between(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 2, 1))));
        assertEquals("no date of the cube lies from 2019-01-01 to 2019-02-01 (it has 3 from 2018-01-02 to"
                + " 2018-01-12)", e.getMessage());
        NoDatesException absent = assertThrows(NoDatesException.class,
                () -> Plan.of(catalog(), query().on(JAN2, LocalDate.of(2018, 1, 3))));
        assertTrue(absent.getMessage().startsWith("the cube has no acquisition on 2018-01-03"), absent.getMessage());
    }

    @Test
    void anUnknownBandOrCloudLayerListsTheCubesLayers() {
        UnknownLayerException band = assertThrows(UnknownLayerException.class,
                () -> Plan.of(catalog(), query().withBands(List.of("B11"))));
        assertEquals("no layer 'B11' in the cube (expected one of B04, B08, CLD)", band.getMessage());
        assertThrows(UnknownLayerException.class, () -> Plan.of(catalog(), query().withCloudMask("SCL", 3)));
    }

    @Test
    void queriesAreCheckedAsTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> query().withBands(List.of()));
        assertThrows(IllegalArgumentException.class, () -> query().withBands(List.of("B04", "B04")));
        assertThrows(IllegalArgumentException.class, () -> query().between(JAN7, JAN2));
        assertEquals(new CloudMask("CLD", 20), CloudMask.parse("CLD:20"));
        assertThrows(IllegalArgumentException.class, () -> CloudMask.parse("CLD"));
    }
}
