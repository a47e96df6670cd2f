package org.cogcube.subset;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cogcube.region.Region;

/**
 * A query asked of the endpoint against a catalogue rather than files: the server reads the
 * catalogue, picks the query's files as a client would, and answers their cuts, as for a
 * {@link CutRequest} naming them, in the client's order. A client can send it before it has the
 * catalogue. As a query string:
 * <pre>
 * catalog=cube/catalog.json&amp;names=B04,B08,CLD&amp;band=B04&amp;band=B08&amp;cloud=CLD&amp;dates=2018-01-01..2018-03-31&amp;region=eJxj...&amp;crs=4326&amp;touched=0
 * </pre>
 * {@code catalog}: the catalogue's path under the served root, as in its URL, without the leading
 * slash; {@code names} (optional): the names of a simple catalogue's positions, comma-separated
 * (omitted: Sentinel-2's); {@code band}: once per band, in the query's order; {@code cloud}
 * (optional): the cloud layer; {@code dates} (optional, {@value #ALL_DATES} when omitted): every
 * date, {@code FIRST..LAST} (both included) or dates separated by commas, as ISO dates;
 * {@code region}, {@code crs}, {@code touched} as in a {@link CutRequest}. Values are
 * percent-encoded; no parameter may repeat except {@code band}, no other is allowed.
 *
 * <p>The answer names the catalogue version it was cut for in the header
 * {@value #CATALOG_ETAG_HEADER}: the ETag a {@code GET} of the catalogue gives at that moment.
 *
 * @param catalog the catalogue, a path under the served root
 * @param layerNames a simple catalogue's layer names, or empty
 * @param bands the bands, in order, at most {@value #MAX_LAYERS}
 * @param cloud the cloud layer, when the query masks clouds
 * @param dates the dates, as the parameter {@code dates} says them
 * @param region the region, in its CRS
 * @param allTouched whether every pixel the region touches is kept
 */
public record CatalogCutRequest(String catalog, List<String> layerNames, List<String> bands, Optional<String> cloud,
        String dates, Region region, boolean allTouched) {

    /** The answer's header naming the catalogue version read (its ETag). */
    public static final String CATALOG_ETAG_HEADER = "Cogcube-Catalog-ETag";
    /** The parameter {@code dates} for every date. */
    public static final String ALL_DATES = "all";
    /** The most layer names, and the most bands. */
    public static final int MAX_LAYERS = 64;
    /** The most dates listed. */
    public static final int MAX_DATES = 1000;

    public CatalogCutRequest {
        catalog = CutRequest.path("catalog", catalog);
        layerNames = List.copyOf(layerNames);
        bands = List.copyOf(bands);
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(region, "region");
        if (layerNames.size() > MAX_LAYERS) {
            throw new BadParameterException("names", "expected at most " + MAX_LAYERS + " names, found "
                    + layerNames.size());
        }
        layerNames.forEach(n -> layer("names", n));
        if (bands.isEmpty() || bands.size() > MAX_LAYERS) {
            throw new BadParameterException("band", "expected 1 to " + MAX_LAYERS + " bands, found " + bands.size());
        }
        bands.forEach(b -> layer("band", b));
        if (new HashSet<>(bands).size() != bands.size()) {
            throw new BadParameterException("band", "names a band twice");
        }
        cloud.ifPresent(c -> layer("cloud", c));
        dates(dates);
    }

    /** The query string, canonical: the same request always gives the same text. */
    public String toQuery() {
        StringBuilder sb = new StringBuilder("catalog=").append(CutRequest.encode(catalog));
        if (!layerNames.isEmpty()) {
            sb.append("&names=").append(CutRequest.encode(String.join(",", layerNames)));
        }
        for (String band : bands) {
            sb.append("&band=").append(CutRequest.encode(band));
        }
        cloud.ifPresent(c -> sb.append("&cloud=").append(CutRequest.encode(c)));
        if (!dates.equals(ALL_DATES)) {
            sb.append("&dates=").append(CutRequest.encode(dates));
        }
        return CutRequest.appendWhere(sb.append('&'), region, allTouched).toString();
    }

    /**
     * Whether a query string (as sent) asks for a catalogue's query rather than files: it has a
     * parameter only such a query has ({@code catalog}, {@code names}, {@code band}, {@code cloud},
     * {@code dates}).
     */
    public static boolean asksCatalog(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (ONLY_HERE.contains(eq < 0 ? pair : pair.substring(0, eq))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> ONLY_HERE = Set.of("catalog", "names", "band", "cloud", "dates");

    /** Reads a query string (as sent, still percent-encoded). */
    public static CatalogCutRequest parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new BadParameterException("catalog", "missing (expected catalog=PATH&band=NAME&...&region=...&crs=..."
                    + "&touched=0|1)");
        }
        List<String> bands = new ArrayList<>();
        Map<String, String> single = CutRequest.pairs(rawQuery, "band", value -> {
            if (bands.size() == MAX_LAYERS) {
                throw new BadParameterException("band", "given more than " + MAX_LAYERS + " times");
            }
            bands.add(value);
        }, Set.of("catalog", "names", "cloud", "dates", "region", "crs", "touched"),
                "catalog, names, band, cloud, dates, region, crs, touched");
        String catalog = CutRequest.required(single, "catalog");
        if (bands.isEmpty()) {
            throw new BadParameterException("band", "missing");
        }
        String names = single.get("names");
        List<String> layerNames = names == null ? List.of() : List.of(names.split(",", -1));
        boolean touched = CutRequest.allTouched(single);
        return new CatalogCutRequest(catalog, layerNames, bands, Optional.ofNullable(single.get("cloud")),
                single.getOrDefault("dates", ALL_DATES), CutRequest.region(single), touched);
    }

    private static void layer(String parameter, String name) {
        if (name.isEmpty() || name.length() > 64 || name.indexOf(',') >= 0) {
            throw new BadParameterException(parameter, "expected a layer name of 1 to 64 characters without a comma,"
                    + " found '" + (name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'");
        }
    }

    /** Whether {@code dates} is a range, {@code FIRST..LAST}. */
    public boolean dateRange() {
        return dates.contains("..");
    }

    /**
     * The dates the parameter {@code dates} names: none for {@value #ALL_DATES}, the first and the
     * last of a range, or those listed (sorted, without repeats).
     */
    public List<LocalDate> dateList() {
        return dates(dates);
    }

    private static List<LocalDate> dates(String text) {
        Objects.requireNonNull(text, "dates");
        if (text.equals(ALL_DATES)) {
            return List.of();
        }
        int dots = text.indexOf("..");
        if (dots >= 0) {
            LocalDate first = date(text.substring(0, dots));
            LocalDate last = date(text.substring(dots + 2));
            if (first.isAfter(last)) {
                throw new BadParameterException("dates", "expected FIRST..LAST with FIRST on or before LAST, found "
                        + text);
            }
            return List.of(first, last);
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_DATES) {
            throw new BadParameterException("dates", "expected at most " + MAX_DATES + " dates, found " + parts.length);
        }
        List<LocalDate> listed = new ArrayList<>(parts.length);
        for (String part : parts) {
            listed.add(date(part));
        }
        return listed.stream().distinct().sorted().toList();
    }

    private static LocalDate date(String text) {
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("dates", "expected " + ALL_DATES + ", FIRST..LAST or dates separated by"
                    + " commas, as YYYY-MM-DD, found '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "'");
        }
    }
}
