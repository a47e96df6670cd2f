package org.cogcube;

/**
 * A source changed between two reads: its validator (HTTP ETag, or file size and modification
 * time) is not the one seen when it was opened. Mixing bytes of two versions would give wrong
 * pixels, so callers re-open the source (and re-read its header) instead.
 */
public class SourceChangedException extends SourceException {
    public SourceChangedException(String location, String expectedVersion, String foundVersion) {
        super(location, null, "changed while being read (expected version " + expectedVersion
                + ", found " + foundVersion + "); open it again", null);
    }
}
