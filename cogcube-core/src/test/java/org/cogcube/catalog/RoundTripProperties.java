package org.cogcube.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Seeded round trips: what is written reads back equal, and writing what was read gives the same bytes. */
class RoundTripProperties {
    static final String CATALOGUE = "/cube/catalog.json";

    @Property(tries = 300)
    void stacReadsBackWhatWasWritten(@ForAll long seed) {
        Catalog catalog = RandomCatalogs.forStac(seed);
        String stac = Catalogs.toStac(catalog, RandomCatalogs.FOLDER);
        Catalog read = Catalogs.read(stac.getBytes(StandardCharsets.UTF_8), CATALOGUE,
                ReadOptions.defaults().withWarnings(w -> { }));
        assertEquals(catalog, read, stac);
        assertEquals(stac, Catalogs.toStac(read, RandomCatalogs.FOLDER));
    }

    @Property(tries = 300)
    void simpleCatalogueReadsBackWhatWasWritten(@ForAll long seed) {
        Catalog catalog = RandomCatalogs.forSimple(seed);
        String simple = Catalogs.toSimple(catalog, RandomCatalogs.FOLDER);
        Catalog read = Catalogs.read(simple.getBytes(StandardCharsets.UTF_8), CATALOGUE,
                ReadOptions.defaults().withLayerNames(catalog.layerNames()));
        assertEquals(catalog, read, simple);
        assertEquals(simple, Catalogs.toSimple(read, RandomCatalogs.FOLDER));
    }

    @Property(tries = 100)
    void stacWarnsOfNothingItWroteItself(@ForAll long seed) {
        Catalog catalog = RandomCatalogs.forStac(seed);
        List<String> warnings = new ArrayList<>();
        Catalogs.read(Catalogs.toStac(catalog, RandomCatalogs.FOLDER).getBytes(StandardCharsets.UTF_8), CATALOGUE,
                ReadOptions.defaults().withWarnings(warnings::add));
        boolean unknownCrs = catalog.acquisitions().stream().flatMap(a -> a.assets().stream())
                .anyMatch(a -> catalog.gridOf(a).map(g -> !g.crs().isKnown()).orElse(false));
        if (!unknownCrs) {
            assertEquals(List.of(), warnings);
        }
    }
}
