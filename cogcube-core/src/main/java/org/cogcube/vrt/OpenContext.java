package org.cogcube.vrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.cog.HeaderCache;
import org.cogcube.io.RangeReader;

/**
 * What opening a VRT needs besides its location: how to get a reader of any location, where to
 * report warnings, and the chain of VRTs whose sources led here (outermost first), which refuses
 * cycles and nesting deeper than {@link #MAX_NESTING}.
 *
 * @param readers a reader for a location (local path or URL); the caller of the reader closes it
 * @param warnings told of what was skipped
 * @param chain normalized locations of the VRTs above, outermost first
 * @param headers where the sources' GeoTIFF headers are kept between opens, if anywhere
 */
record OpenContext(Function<String, RangeReader> readers, Consumer<String> warnings, List<String> chain,
        Optional<HeaderCache> headers) {
    /** How many VRTs may lie below the one opened: a VRT whose source is a VRT whose source is a VRT... */
    static final int MAX_NESTING = 4;

    OpenContext {
        chain = List.copyOf(chain);
    }

    static OpenContext top(Function<String, RangeReader> readers, Consumer<String> warnings) {
        return new OpenContext(readers, warnings, List.of(), Optional.empty());
    }

    static OpenContext top(Function<String, RangeReader> readers, Consumer<String> warnings, HeaderCache headers) {
        return new OpenContext(readers, warnings, List.of(), Optional.of(headers));
    }

    /**
     * The context for opening {@code location} as a VRT: fails when it is already in the chain
     * (a VRT that is its own source) or the chain is already {@link #MAX_NESTING} deep.
     */
    OpenContext enter(String location) {
        String key = Locations.normalize(location);
        if (chain.contains(key)) {
            List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(key), chain.size()));
            loop.add(key);
            throw new MalformedFileException(location + ": a VRT that is its own source (" + String.join(" -> ", loop)
                    + ")");
        }
        if (chain.size() > MAX_NESTING) {
            throw new UnsupportedFeatureException(location + ": VRTs nested more than " + MAX_NESTING
                    + " deep are not supported (" + String.join(" -> ", chain) + " -> " + key + ")");
        }
        List<String> longer = new ArrayList<>(chain);
        longer.add(key);
        return new OpenContext(readers, warnings, longer, headers);
    }

    /** A reader of a location, or a failed future when it cannot even be opened (e.g. a missing file). */
    CompletableFuture<RangeReader> reader(String location) {
        try {
            return CompletableFuture.completedFuture(readers.apply(location));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether a source location names a VRT (by its extension, as published mosaics name them). */
    static boolean isVrt(String location) {
        String path = location;
        int cut = path.indexOf('?');
        if (Locations.isUrl(path) && cut >= 0) {
            path = path.substring(0, cut);
        }
        return path.toLowerCase(Locale.ROOT).endsWith(".vrt");
    }
}
