package org.cogcube.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.io.HttpGets;
import org.cogcube.subset.CatalogCutRequest;
import org.cogcube.subset.CutRequest;

/**
 * A query's cuts asked of the catalogue's server at the same time as the catalogue itself, before
 * the client knows whether the server cuts files or which files the query reads: a
 * {@link CatalogCutRequest} to {@value CutRequest#PATH} on the catalogue's origin. It saves the
 * round trip of asking the cuts after the catalogue. Its answer is only a candidate: it is used when
 * the catalogue's response advertises that very endpoint and the answer was cut for the catalogue
 * version the client read, for the same query and the same files ({@link ServerCuts#early}); any
 * other answer (a static server's 404, another version, a failure) is dropped, and the query goes
 * on as without it.
 *
 * @param query the query asked
 * @param endpoint the endpoint it went to
 * @param answer the answer, or empty when none came
 */
record EarlyCut(Query query, URI endpoint, CompletableFuture<Optional<HttpGets.Answer>> answer) {

    EarlyCut {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(answer, "answer");
    }

    /**
     * Sends {@code query}'s cut request for the catalogue at {@code catalogUrl}, when that is an
     * http(s) URL without query or fragment and the request fits the wire format and its length
     * limit ({@link CutRequest#MAX_QUERY}); otherwise sends nothing.
     */
    static Optional<EarlyCut> send(String catalogUrl, ReadOptions options, Query query) {
        try {
            URI catalog = URI.create(catalogUrl);
            String scheme = catalog.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || catalog.getRawAuthority() == null || catalog.getRawQuery() != null
                    || catalog.getRawFragment() != null || catalog.getRawPath() == null
                    || !catalog.getRawPath().startsWith("/") || catalog.getRawPath().length() < 2) {
                return Optional.empty();
            }
            String request = CatalogQuery.request(catalog.getRawPath().substring(1), options.layerNames(), query)
                    .toQuery();
            if (request.length() > CutRequest.MAX_QUERY) {
                return Optional.empty();
            }
            URI endpoint = catalog.resolve(CutRequest.PATH);
            CompletableFuture<Optional<HttpGets.Answer>> answer = HttpGets.get(URI.create(endpoint + "?" + request),
                    options.io(), false, ServerCuts.MAX_ANSWER)
                    .handle((a, failure) -> Optional.ofNullable(failure == null ? a : null));
            return Optional.of(new EarlyCut(query, endpoint, answer));
        } catch (RuntimeException e) {
            return Optional.empty(); // a query the wire format cannot say is asked the usual way
        }
    }
}
