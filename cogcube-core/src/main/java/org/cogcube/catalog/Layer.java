package org.cogcube.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One layer of a cube: a named quantity (a spectral band, a cloud mask) with one file per date.
 *
 * @param name the layer's name, unique in its cube (B04, CLD): the asset key in STAC
 * @param band the sample type, nodata, scale and offset shared by all the layer's assets, or empty
 *     when they differ (each asset then says its own) or are not known (the simple catalogue says nothing)
 * @param spectral where in the spectrum the layer looks, for spectral bands
 */
public record Layer(String name, Optional<RasterBand> band, Optional<SpectralBand> spectral) {

    public Layer {
        checkName(name);
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(spectral, "spectral");
    }

    /** A layer known by name only. */
    public static Layer named(String name) {
        return new Layer(name, Optional.empty(), Optional.empty());
    }

    public Layer withBand(RasterBand value) {
        return new Layer(name, Optional.of(value), spectral);
    }

    public Layer withSpectral(SpectralBand value) {
        return new Layer(name, band, Optional.of(value));
    }

    /** Checks a layer name: not empty, no surrounding spaces, no control characters, no slash. */
    static void checkName(String name) {
        Objects.requireNonNull(name, "layer name");
        if (name.isEmpty() || !name.strip().equals(name) || name.chars().anyMatch(c -> c < 0x20 || c == '/')) {
            throw new IllegalArgumentException("expected a layer name without surrounding spaces, control characters"
                    + " or '/', found '" + name + "'");
        }
    }
}
