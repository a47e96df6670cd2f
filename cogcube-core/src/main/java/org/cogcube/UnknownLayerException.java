package org.cogcube;

import java.util.List;

/** A layer was asked for by a name the cube does not have; the message lists the names it has. */
public class UnknownLayerException extends CogcubeException {
    private final String layer;
    private final List<String> known;

    public UnknownLayerException(String layer, List<String> known) {
        super("no layer '" + layer + "' in the cube (expected one of " + (known.isEmpty() ? "none: it has no layers"
                : String.join(", ", known)) + ")");
        this.layer = layer;
        this.known = List.copyOf(known);
    }

    /** The name asked for. */
    public String layer() {
        return layer;
    }

    /** The cube's layer names, in its order. */
    public List<String> known() {
        return known;
    }
}
