package org.cogcube.vrt;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.cogcube.CogcubeException;
import org.cogcube.MalformedFileException;
import org.cogcube.SourceChangedException;
import org.cogcube.SourceException;
import org.cogcube.UnsupportedFeatureException;

/**
 * Puts a failure of a source raster in context: the same kind of exception (so a caller can still
 * act on it), whose message also names the VRT, the band and the source.
 */
final class Failures {
    private Failures() {
    }

    /** {@code failure} (unwrapped from completion wrappers) told as happening in {@code where}. */
    static CogcubeException in(String where, Throwable failure) {
        Throwable t = unwrap(failure);
        String message = where + ": " + t.getMessage();
        if (t instanceof SourceChangedException changed) {
            return changed;
        }
        if (t instanceof SourceException s) {
            return new SourceException(s.location(), s.range(), s.status().orElse(-1), "cannot be read as " + where
                    + ": " + withoutPrefix(s), s);
        }
        if (t instanceof MalformedFileException) {
            return new MalformedFileException(message, t);
        }
        if (t instanceof UnsupportedFeatureException) {
            UnsupportedFeatureException u = new UnsupportedFeatureException(message);
            u.initCause(t);
            return u;
        }
        return new CogcubeException(message, t);
    }

    /** A SourceException's message without the location, range and status its constructor put first. */
    private static String withoutPrefix(SourceException s) {
        String prefix = s.location() + (s.range() == null ? "" : " [" + s.range() + "]")
                + (s.status().isPresent() ? ": HTTP " + s.status().getAsInt() : "") + ": ";
        String m = s.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
