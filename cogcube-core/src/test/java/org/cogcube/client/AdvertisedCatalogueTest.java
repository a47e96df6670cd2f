package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cut endpoint is taken from a catalogue's Link headers only when it is ours and of the catalogue's origin. */
class AdvertisedCatalogueTest {
    static final URI CATALOGUE = URI.create("http://127.0.0.1:8080/cubes/ghana/catalog.json");

    static Optional<URI> endpoint(String... links) {
        return AdvertisedCatalogue.endpoint(CATALOGUE, List.of(links));
    }

    @Test
    void theServersLinkResolvesAgainstTheCatalogue() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080/_cogcube/cut")),
                endpoint("</_cogcube/cut>; rel=\"cogcube-cut\""));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080/cubes/_cogcube/cut")),
                endpoint("<../_cogcube/cut>;rel=cogcube-cut"));
    }

    @Test
    void theRelationMayBeOneOfSeveralAndTheLinkOneOfMany() {
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080/x")),
                endpoint("</style.css>; rel=\"stylesheet\", </x>; title=\"a;b\"; rel=\"alternate COGCUBE-cut\""));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080/y")), endpoint("</a>; rel=next", "</y>; rel=cogcube-cut"));
    }

    @Test
    void otherRelationsOriginsAndQueriesAreIgnored() {
        assertEquals(Optional.empty(), endpoint("</_cogcube/cut>; rel=\"cogcube-cutter\""));
        assertEquals(Optional.empty(), endpoint("</_cogcube/cut>"));
        assertEquals(Optional.empty(), endpoint("<http://evil.example/_cogcube/cut>; rel=\"cogcube-cut\""));
        assertEquals(Optional.empty(), endpoint("<https://127.0.0.1:8080/_cogcube/cut>; rel=\"cogcube-cut\""));
        assertEquals(Optional.empty(), endpoint("</_cogcube/cut?file=x>; rel=\"cogcube-cut\""));
        assertEquals(Optional.empty(), endpoint());
    }
}
