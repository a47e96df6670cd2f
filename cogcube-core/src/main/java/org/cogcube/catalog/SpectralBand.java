package org.cogcube.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where in the spectrum a layer looks, as STAC's eo extension states it ({@code eo:bands}).
 *
 * @param name the band's name (e.g. B04)
 * @param commonName the eo extension's common name (blue, red, nir08, swir16...), or empty
 * @param centerWavelength the center wavelength in micrometres, or empty
 */
public record SpectralBand(String name, Optional<String> commonName, OptionalDouble centerWavelength) {

    public SpectralBand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(centerWavelength, "centerWavelength");
        if (centerWavelength.isPresent() && !(centerWavelength.getAsDouble() > 0)) {
            throw new IllegalArgumentException("expected a positive center wavelength for band " + name + ", found "
                    + centerWavelength.getAsDouble());
        }
    }

    public static SpectralBand of(String name, String commonName, double centerWavelength) {
        return new SpectralBand(name, Optional.of(commonName), OptionalDouble.of(centerWavelength));
    }
}
