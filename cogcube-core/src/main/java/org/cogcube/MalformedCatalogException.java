package org.cogcube;

/**
 * A catalogue (STAC or simple) is not what its format promises: malformed JSON, a date that does
 * not parse, a layer listed twice, an href that is not a URI or that leaves the catalogue's folder.
 * The message names the catalogue and the item, date or asset at fault.
 */
public class MalformedCatalogException extends MalformedFileException {
    private final String location;

    public MalformedCatalogException(String location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public MalformedCatalogException(String location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    /** The path or URL of the catalogue. */
    public String location() {
        return location;
    }
}
