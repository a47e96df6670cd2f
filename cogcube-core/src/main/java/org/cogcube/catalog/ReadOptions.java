package org.cogcube.catalog;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.cogcube.io.OpenOptions;

/**
 * How {@link Catalogs} reads a catalogue.
 *
 * @param layerNames the names of the positions of a simple catalogue's lists, in order; empty for
 *     Sentinel-2's ({@link Sentinel2#LAYER_NAMES}). STAC catalogues name their layers themselves.
 * @param warnings told of what a valid catalogue holds that cogcube leaves out (a sample type it
 *     does not read, several bands in one asset, an asset without EPSG code)
 * @param io how the catalogue's bytes are read (HTTP options, retries)
 * @param maxBytes the largest catalogue read, in bytes: a bigger one is refused, not read into memory
 */
public record ReadOptions(List<String> layerNames, Consumer<String> warnings, OpenOptions io, long maxBytes) {

    public ReadOptions {
        layerNames = List.copyOf(layerNames);
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(io, "io");
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("expected maxBytes from 1 to " + (Integer.MAX_VALUE - 16) + ", found "
                    + maxBytes);
        }
    }

    /** Sentinel-2 layer names, warnings ignored, default I/O, catalogues up to 256 MiB. */
    public static ReadOptions defaults() {
        return new ReadOptions(List.of(), w -> { }, OpenOptions.defaults(), 256L << 20);
    }

    public ReadOptions withLayerNames(List<String> value) {
        return new ReadOptions(value, warnings, io, maxBytes);
    }

    public ReadOptions withWarnings(Consumer<String> value) {
        return new ReadOptions(layerNames, value, io, maxBytes);
    }

    public ReadOptions withIo(OpenOptions value) {
        return new ReadOptions(layerNames, warnings, value, maxBytes);
    }

    public ReadOptions withMaxBytes(long value) {
        return new ReadOptions(layerNames, warnings, io, value);
    }
}
