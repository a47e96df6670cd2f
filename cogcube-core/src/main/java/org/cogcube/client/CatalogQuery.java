package org.cogcube.client;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.Catalog;
import org.cogcube.subset.CatalogCutRequest;

/**
 * A query as a {@link CatalogCutRequest} and back, and the files it reads through an endpoint: the
 * client and the server pick them with this one code, so that the server's answer lists them in
 * the order the client expects.
 */
final class CatalogQuery {
    private CatalogQuery() {
    }

    /**
     * The request for {@code query} on the catalogue at {@code catalog} (its path under the served
     * root); the cloud threshold, the nodata rules and the output do not travel (the client applies
     * them to the cuts).
     *
     * @throws org.cogcube.subset.BadParameterException when the query cannot be said so (a layer
     *     name with a comma, too many dates)
     */
    static CatalogCutRequest request(String catalog, List<String> layerNames, Query query) {
        String dates = CatalogCutRequest.ALL_DATES;
        if (query.dates() instanceof Dates.Range r) {
            dates = r.first() + ".." + r.last();
        } else if (query.dates() instanceof Dates.Listed l) {
            dates = String.join(",", l.dates().stream().map(LocalDate::toString).toList());
        }
        return new CatalogCutRequest(catalog, layerNames, query.bands(), query.cloudMask().map(CloudMask::layer),
                dates, query.region(), query.allTouched());
    }

    /** The query a request asks (threshold 0: it only says which cloud layer to read). */
    static Query query(CatalogCutRequest request) {
        List<LocalDate> listed = request.dateList();
        Dates dates = listed.isEmpty() ? Dates.all()
                : request.dateRange() ? Dates.between(listed.get(0), listed.get(1)) : Dates.of(listed);
        Query query = Query.of(request.region(), request.bands()).withDates(dates)
                .withAllTouched(request.allTouched());
        return request.cloud().map(c -> query.withCloudMask(c, 0)).orElse(query);
    }

    /** The query's files, in the order it reads them: date by date, its bands, then the cloud layer. */
    static List<Asset> assets(Plan plan) {
        List<Asset> assets = new ArrayList<>(plan.fileCount());
        for (Plan.DateFiles date : plan.dates()) {
            assets.addAll(date.bands().values());
            date.cloud().ifPresent(assets::add);
        }
        return assets;
    }

    /**
     * The files of {@code request}'s query in {@code catalog} that the endpoint names, as it names
     * them, in the order read; files of other origins are left out.
     *
     * @throws org.cogcube.UnknownLayerException for a band or cloud layer the catalogue lacks
     * @throws NoDatesException for dates it lacks
     */
    static List<String> files(Catalog catalog, CatalogCutRequest request, URI endpoint) {
        List<String> files = new ArrayList<>();
        for (Asset asset : assets(Plan.of(catalog, query(request)))) {
            file(endpoint, asset).ifPresent(files::add);
        }
        return files;
    }

    /**
     * The file as the endpoint names it (its path without the leading slash), when the asset has the
     * endpoint's origin (scheme, host and port) and neither query nor fragment.
     */
    static Optional<String> file(URI endpoint, Asset asset) {
        URI href = asset.href();
        if (href.getScheme() == null || !href.getScheme().equalsIgnoreCase(endpoint.getScheme())
                || !java.util.Objects.equals(authority(href), authority(endpoint)) || href.getRawQuery() != null
                || href.getRawFragment() != null || href.getRawPath() == null
                || !href.getRawPath().startsWith("/") || href.getRawPath().length() < 2) {
            return Optional.empty();
        }
        return Optional.of(href.getRawPath().substring(1));
    }

    private static String authority(URI uri) {
        return uri.getRawAuthority() == null ? null : uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
    }
}
