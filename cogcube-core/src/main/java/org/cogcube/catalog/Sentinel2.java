package org.cogcube.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers of a Sentinel-2 Level-2A cube, in the fixed order of the simple catalogue: the ten
 * surface-reflectance bands, then the cloud mask (CLD), aerosol optical thickness (AOT) and total
 * column water vapour (TCWV).
 */
public final class Sentinel2 {

    /** The layer names in the simple catalogue's order. */
    public static final List<String> LAYER_NAMES = List.of(
            "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12", "CLD", "AOT", "TCWV");

    /** Common names and center wavelengths (micrometres) of the spectral bands (Sentinel-2A, rounded). */
    private static final Map<String, SpectralBand> BANDS = Map.of(
            "B02", SpectralBand.of("B02", "blue", 0.49),
            "B03", SpectralBand.of("B03", "green", 0.56),
            "B04", SpectralBand.of("B04", "red", 0.665),
            "B05", SpectralBand.of("B05", "rededge", 0.705),
            "B06", SpectralBand.of("B06", "rededge", 0.74),
            "B07", SpectralBand.of("B07", "rededge", 0.783),
            "B08", SpectralBand.of("B08", "nir", 0.842),
            "B8A", SpectralBand.of("B8A", "nir08", 0.865),
            "B11", SpectralBand.of("B11", "swir16", 1.61),
            "B12", SpectralBand.of("B12", "swir22", 2.19));

    private Sentinel2() {
    }

    /** The spectral band of a Sentinel-2 band name (B02...B12), empty for others (CLD, AOT, TCWV, unknown names). */
    public static Optional<SpectralBand> spectralBand(String layerName) {
        return Optional.ofNullable(BANDS.get(layerName));
    }

    /** The layer of that name, with its spectral band when it is one, and no raster band metadata. */
    public static Layer layer(String name) {
        return new Layer(name, Optional.empty(), spectralBand(name));
    }

    /** The thirteen layers, in the simple catalogue's order. */
    public static List<Layer> layers() {
        return LAYER_NAMES.stream().map(Sentinel2::layer).toList();
    }
}
