package org.cogcube.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.io.RangeReaders;

/**
 * Where a catalogue is, and how its hrefs resolve: against the catalogue's own URI, so relative
 * to the folder (or URL path) that holds it.
 *
 * @param text the path or URL as given, for messages
 * @param uri the catalogue's absolute URI
 * @param folder for a local catalogue, the folder holding it (absolute, normalised); empty for a URL
 */
record Location(String text, URI uri, Optional<Path> folder) {

    static Location of(String pathOrUrl) {
        String scheme = scheme(pathOrUrl);
        switch (scheme) {
            case "" -> {
                return local(Path.of(pathOrUrl), pathOrUrl);
            }
            case "file" -> {
                return local(Path.of(URI.create(pathOrUrl)), pathOrUrl);
            }
            case "http", "https" -> {
                try {
                    return new Location(pathOrUrl, new URI(pathOrUrl), Optional.empty());
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("expected a catalogue URL, found '" + pathOrUrl + "': "
                            + e.getMessage(), e);
                }
            }
            default -> throw new UnsupportedFeatureException("cannot read a catalogue at " + pathOrUrl
                    + ": expected a local path or a file:, http: or https: URI, found the scheme " + scheme + ":");
        }
    }

    /** The location of a catalogue file in a local folder. */
    static Location local(Path file, String text) {
        Path absolute = file.toAbsolutePath().normalize();
        return new Location(text, absolute.toUri(), Optional.of(absolute.getParent()));
    }

    private static String scheme(String pathOrUrl) {
        return RangeReaders.scheme(pathOrUrl);
    }

    /**
     * The absolute URI of an href written in this catalogue. A relative href resolves against the
     * catalogue's URI; in a local catalogue it must stay inside the catalogue's folder. Absolute
     * hrefs (http:, https:, file:...) are taken as they are.
     *
     * @throws IllegalArgumentException saying what is wrong with the href (the caller adds where it is)
     */
    URI resolve(String href) {
        if (href.isEmpty()) {
            throw new IllegalArgumentException("expected an href, found an empty string");
        }
        URI ref;
        try {
            ref = new URI(href);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("href '" + href + "' is not a URI reference (" + e.getReason()
                    + " at index " + e.getIndex() + ")");
        }
        if (ref.isAbsolute()) {
            return ref;
        }
        URI resolved = uri.resolve(ref).normalize();
        if (folder.isPresent()) {
            Path path;
            try {
                path = Path.of(resolved).normalize();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("href '" + href + "' does not name a local file beside the catalogue"
                        + " (resolved to " + resolved + ")");
            }
            if (!path.startsWith(folder.get())) {
                throw new IllegalArgumentException("href '" + href + "' escapes the catalogue's folder "
                        + folder.get() + " (resolved to " + path + "; expected a path inside the folder)");
            }
            return path.toUri();
        }
        return resolved;
    }

    /**
     * How a catalogue in {@code folder} (an absolute URI ending in '/') refers to {@code target}:
     * a relative href when the target is inside the folder, else the target's absolute URI.
     */
    static String relativeHref(URI folder, URI target) {
        URI normalised = target.normalize();
        if (folder.getScheme() != null && folder.getScheme().equalsIgnoreCase(normalised.getScheme())) {
            URI relative = folder.relativize(normalised);
            String path = relative.getRawPath();
            if (!relative.isAbsolute() && path != null && !path.isEmpty()) {
                String href = relative.toASCIIString();
                int colon = href.indexOf(':');
                int slash = href.indexOf('/');
                // "a:b.tif" would read back as a URI of scheme "a"
                return colon >= 0 && (slash < 0 || colon < slash) ? "./" + href : href;
            }
        }
        return normalised.toASCIIString();
    }
}
