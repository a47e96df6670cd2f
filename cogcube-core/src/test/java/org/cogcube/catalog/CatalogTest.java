package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cogcube.UnknownLayerException;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.Test;

/** The model: its canonical form, and lookups by date and layer. */
class CatalogTest {
    static final GridGeometry G10 = GoldenCatalogTest.GRID_10M;
    static final GridGeometry G20 = GoldenCatalogTest.GRID_20M;

    static Asset asset(String layer, String date) {
        return Asset.of(layer, URI.create("file:///cube/" + date + "/" + layer + ".tif"));
    }

    static Catalog threeDates() {
        return Catalog.of(List.of(Layer.named("B04"), Layer.named("CLD")), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 12), List.of(asset("B04", "2018-01-12"))),
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("CLD", "2018-01-02"), asset("B04", "2018-01-02"))),
                Acquisition.of(LocalDate.of(2018, 1, 7), List.of(asset("B04", "2018-01-07"), asset("CLD", "2018-01-07")))));
    }

    @Test
    void sortsAcquisitionsByDateAndAssetsByLayerOrder() {
        Catalog c = threeDates();
        assertEquals(List.of(LocalDate.of(2018, 1, 2), LocalDate.of(2018, 1, 7), LocalDate.of(2018, 1, 12)), c.dates());
        assertEquals(List.of("B04", "CLD"), c.acquisitions().get(0).assets().stream().map(Asset::layer).toList());
    }

    @Test
    void findsAcquisitionsBetweenTwoDatesBothIncluded() {
        Catalog c = threeDates();
        assertEquals(List.of(LocalDate.of(2018, 1, 7), LocalDate.of(2018, 1, 12)),
                c.between(LocalDate.of(2018, 1, 7), LocalDate.of(2018, 2, 1)).stream().map(Acquisition::date).toList());
        assertEquals(List.of(LocalDate.of(2018, 1, 2)),
                c.between(LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 6)).stream().map(Acquisition::date).toList());
        assertEquals(List.of(), c.between(LocalDate.of(2018, 1, 3), LocalDate.of(2018, 1, 6)));
        assertEquals(Optional.empty(), c.acquisition(LocalDate.of(2018, 1, 3)));
        assertTrue(c.acquisition(LocalDate.of(2018, 1, 7)).isPresent());
        assertThrows(IllegalArgumentException.class, () -> c.between(LocalDate.of(2018, 2, 1), LocalDate.of(2018, 1, 1)));
    }

    @Test
    void findsTheAssetsOfOneLayerSkippingDatesWithoutIt() {
        List<Asset> cld = threeDates().assets("CLD", LocalDate.MIN, LocalDate.MAX);
        assertEquals(List.of(URI.create("file:///cube/2018-01-02/CLD.tif"), URI.create("file:///cube/2018-01-07/CLD.tif")),
                cld.stream().map(Asset::href).toList());
    }

    @Test
    void anUnknownLayerNamesTheLayersTheCubeHas() {
        UnknownLayerException e = assertThrows(UnknownLayerException.class,
                () -> threeDates().assets("B8A", LocalDate.MIN, LocalDate.MAX));
        assertEquals("no layer 'B8A' in the cube (expected one of B04, CLD)", e.getMessage());
        assertEquals(List.of("B04", "CLD"), e.known());
    }

    @Test
    void anAssetOfAnUndeclaredLayerIsRefused() {
        assertThrows(UnknownLayerException.class, () -> Catalog.of(List.of(Layer.named("B04")),
                List.of(Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("B05", "2018-01-02"))))));
    }

    @Test
    void aSharedGridMovesToTheCatalogueAndADifferentOneStaysOnItsAsset() {
        Catalog c = Catalog.of(List.of(Layer.named("B04"), Layer.named("CLD")), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("B04", "a").withGrid(G10),
                        asset("CLD", "a").withGrid(G20))),
                Acquisition.of(LocalDate.of(2018, 1, 7), List.of(asset("B04", "b").withGrid(G10)))));
        assertEquals(Optional.of(G10), c.grid());
        Acquisition first = c.acquisitions().get(0);
        assertEquals(Optional.empty(), first.assets().get(0).grid());
        assertEquals(Optional.of(G20), first.assets().get(1).grid());
        assertEquals(Optional.of(G10), c.gridOf(first.assets().get(0)));
        assertEquals(Optional.of(G20), c.gridOf(first.assets().get(1)));
    }

    @Test
    void noCatalogueGridWhenSomeAssetHasNone() {
        Catalog c = Catalog.of(List.of(Layer.named("B04")), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("B04", "a").withGrid(G10))),
                Acquisition.of(LocalDate.of(2018, 1, 7), List.of(asset("B04", "b")))));
        assertEquals(Optional.empty(), c.grid());
        assertEquals(Optional.of(G10), c.acquisitions().get(0).assets().get(0).grid());
        assertEquals(Optional.empty(), c.gridOf(c.acquisitions().get(1).assets().get(0)));
    }

    @Test
    void aLayersSharedBandMovesToTheLayer() {
        RasterBand u16 = RasterBand.of(SampleType.UINT16).withNodata(0);
        RasterBand f32 = RasterBand.of(SampleType.FLOAT32);
        Catalog c = Catalog.of(List.of(Layer.named("B04")), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("B04", "a").withBand(f32))),
                Acquisition.of(LocalDate.of(2018, 1, 7), List.of(asset("B04", "b").withBand(u16))),
                Acquisition.of(LocalDate.of(2018, 1, 12), List.of(asset("B04", "c").withBand(u16)))));
        assertEquals(Optional.of(u16), c.layer("B04").band());
        assertEquals(Optional.of(f32), c.acquisitions().get(0).assets().get(0).band());
        assertEquals(Optional.of(u16), c.bandOf(c.acquisitions().get(2).assets().get(0)));
    }

    @Test
    void theSameCubeMadeTwoWaysIsEqual() {
        RasterBand u16 = RasterBand.of(SampleType.UINT16);
        Catalog onAssets = Catalog.of(List.of(Layer.named("B04")), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("B04", "a").withGrid(G10).withBand(u16)))));
        Catalog onCatalogue = new Catalog(Optional.of(G10), List.of(Layer.named("B04").withBand(u16)), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of(asset("B04", "a")))));
        assertEquals(onAssets, onCatalogue);
    }

    @Test
    void anAcquisitionAtMidnightUtcIsKnownByItsDate() {
        Acquisition midnight = Acquisition.at(Instant.parse("2018-01-02T00:00:00Z"), List.of());
        assertEquals(Acquisition.of(LocalDate.of(2018, 1, 2), List.of()), midnight);
        Acquisition morning = Acquisition.at(Instant.parse("2018-01-02T10:40:21Z"), List.of());
        assertEquals(LocalDate.of(2018, 1, 2), morning.date());
        assertEquals(Instant.parse("2018-01-02T10:40:21Z"), morning.instant());
    }

    @Test
    void withReplacesTheAcquisitionOfItsDate() {
        Catalog c = threeDates().with(Acquisition.of(LocalDate.of(2018, 1, 7), List.of(asset("B04", "x"))));
        assertEquals(3, c.acquisitions().size());
        assertEquals(1, c.acquisition(LocalDate.of(2018, 1, 7)).orElseThrow().assets().size());
    }

    @Test
    void refusesTwoAcquisitionsOnOneDateAndALayerListedTwice() {
        assertThrows(IllegalArgumentException.class, () -> Catalog.of(List.of(Layer.named("B04")), List.of(
                Acquisition.of(LocalDate.of(2018, 1, 2), List.of()), Acquisition.of(LocalDate.of(2018, 1, 2), List.of()))));
        assertThrows(IllegalArgumentException.class, () -> Catalog.of(List.of(Layer.named("B04"), Layer.named("B04")),
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> Acquisition.of(LocalDate.of(2018, 1, 2),
                List.of(asset("B04", "a"), asset("B04", "b"))));
    }
}
