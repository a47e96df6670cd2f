package org.cogcube.client;

import java.util.Objects;

/**
 * How a cloud layer masks the bands: a pixel whose cloud value is above {@code threshold} becomes
 * NaN; a date whose cut has no cloud value at or below it is dropped.
 *
 * @param layer the cloud layer's name (CLD)
 * @param threshold the largest cloud value still clear (20 for "at most 20 % cloud probability")
 */
public record CloudMask(String layer, double threshold) {

    public CloudMask {
        Objects.requireNonNull(layer, "layer");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("expected a cloud threshold that is a number, found NaN");
        }
    }

    /** Parses {@code LAYER:THRESHOLD}, e.g. {@code CLD:20}. */
    public static CloudMask parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected a cloud mask as LAYER:THRESHOLD (e.g. CLD:20), found '"
                    + text + "'");
        }
        try {
            return new CloudMask(text.substring(0, colon), Double.parseDouble(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a cloud mask as LAYER:THRESHOLD (e.g. CLD:20), found '"
                    + text + "': the threshold is not a number");
        }
    }
}
