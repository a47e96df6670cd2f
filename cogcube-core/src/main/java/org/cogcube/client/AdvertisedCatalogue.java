package org.cogcube.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.io.HttpGets;
import org.cogcube.subset.CutRequest;

/**
 * A catalogue fetched over HTTP in one {@code GET}, and the cut endpoint its response advertises,
 * if any: a {@code Link} header (RFC 8288) of relation {@value CutRequest#REL} whose target, resolved
 * against the catalogue's URL, has the catalogue's origin.
 *
 * @param catalog the catalogue
 * @param endpoint the cut endpoint, when advertised
 * @param etag the response's ETag, when it has one
 */
record AdvertisedCatalogue(Catalog catalog, Optional<URI> endpoint, Optional<String> etag) {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))");

    /**
     * Fetches and reads the catalogue; an answer other than 200 is fetched again the usual way
     * ({@link Catalogs#openAsync}), which says what went wrong as it always does.
     */
    static CompletableFuture<AdvertisedCatalogue> open(String url, ReadOptions options) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return HttpGets.get(uri, options.io(), false, (int) options.maxBytes()).thenCompose(answer -> {
            if (answer.status() != 200) {
                return Catalogs.openAsync(url, options).thenApply(c -> new AdvertisedCatalogue(c, Optional.empty(),
                        Optional.empty()));
            }
            Catalog catalog = Catalogs.read(answer.body(), url, options);
            return CompletableFuture.completedFuture(new AdvertisedCatalogue(catalog,
                    endpoint(uri, answer.headers().allValues("Link")), answer.headers().firstValue("ETag")));
        });
    }

    /** The advertised endpoint among {@code Link} header values, resolved against {@code base}, of its origin only. */
    static Optional<URI> endpoint(URI base, List<String> links) {
        for (String value : links) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (!rel.find()) {
                    continue;
                }
                String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                if (!List.of(rels.trim().toLowerCase(Locale.ROOT).split("\\s+")).contains(CutRequest.REL)) {
                    continue;
                }
                URI target;
                try {
                    target = base.resolve(link.group(1).trim());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (sameOrigin(base, target) && target.getRawQuery() == null) {
                    return Optional.of(target);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getRawAuthority() != null
                && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }
}
