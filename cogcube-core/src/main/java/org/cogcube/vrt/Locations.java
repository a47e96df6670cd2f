package org.cogcube.vrt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;

/**
 * Where a source raster is: a VRT's {@code SourceFilename} resolved against the VRT's own
 * location (a local path or an http(s) URL), as GDAL resolves it.
 *
 * <p>A name relative to the VRT ({@code relativeToVRT="1"}) is resolved against the VRT's folder,
 * local or remote. An http(s) URL, or GDAL's {@code /vsicurl/} form of one, is taken as it is. A
 * VRT read over HTTP may only name URLs: one that names a local file is refused, so that a remote
 * document cannot make a reader open files of the machine it runs on.
 */
final class Locations {
    private static final String VSICURL = "/vsicurl/";

    private Locations() {
    }

    /** Whether a location is an http or https URL (anything else is a local path or file: URI). */
    static boolean isUrl(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * The location of a source raster.
     *
     * @param vrt the VRT's location
     * @param name the text of {@code SourceFilename}
     * @param relativeToVrt its {@code relativeToVRT} attribute
     */
    static String resolve(String vrt, String name, boolean relativeToVrt) {
        String n = name.strip();
        if (n.isEmpty()) {
            throw new MalformedFileException(vrt + ": a SourceFilename is empty");
        }
        if (n.startsWith(VSICURL)) {
            n = n.substring(VSICURL.length());
            if (!isUrl(n)) {
                throw new UnsupportedFeatureException(vrt + ": source " + name + " uses /vsicurl/ without an http(s)"
                        + " URL (expected /vsicurl/http://... or /vsicurl/https://...)");
            }
        } else if (n.startsWith("/vsi")) {
            throw new UnsupportedFeatureException(vrt + ": source " + name + " uses a GDAL virtual file system that"
                    + " cogcube does not read (only local paths, http(s) URLs and /vsicurl/ are supported)");
        }
        if (isUrl(n)) {
            return n;
        }
        if (isUrl(vrt)) {
            if (!relativeToVrt) {
                throw new UnsupportedFeatureException(vrt + ": source " + name + " is a local file named by a VRT"
                        + " read over HTTP; a remote VRT may only name URLs or files relative to itself");
            }
            return resolveUrl(vrt, n);
        }
        return resolvePath(vrt, n, relativeToVrt);
    }

    private static String resolveUrl(String vrt, String name) {
        try {
            URI relative;
            try {
                relative = new URI(name);
            } catch (URISyntaxException notEncoded) {
                relative = new URI(null, null, name, null);
            }
            if (relative.getScheme() != null || relative.getRawAuthority() != null) {
                throw new UnsupportedFeatureException(vrt + ": source " + name + " is neither a path relative to the"
                        + " VRT nor an http(s) URL");
            }
            return URI.create(vrt).resolve(relative).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MalformedFileException(vrt + ": source " + name + " cannot be made into a URL relative to the"
                    + " VRT: " + e.getMessage(), e);
        }
    }

    private static String resolvePath(String vrt, String name, boolean relativeToVrt) {
        try {
            Path source = Path.of(name.regionMatches(true, 0, "file:", 0, 5) ? URI.create(name).getPath() : name);
            if (relativeToVrt && !source.isAbsolute()) {
                Path folder = localPath(vrt).toAbsolutePath().getParent();
                source = folder == null ? source : folder.resolve(source);
            }
            return source.toAbsolutePath().normalize().toString();
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(vrt + ": source " + name + " is not a valid path: " + e.getMessage(), e);
        }
    }

    private static Path localPath(String location) {
        return location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : Path.of(location);
    }

    /** One spelling per location, to recognise a VRT met twice (cycles) and to key opened sources. */
    static String normalize(String location) {
        if (isUrl(location)) {
            try {
                return URI.create(location).normalize().toString();
            } catch (IllegalArgumentException e) {
                return location;
            }
        }
        try {
            return localPath(location).toAbsolutePath().normalize().toString();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
