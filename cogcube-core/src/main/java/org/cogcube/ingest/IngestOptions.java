package org.cogcube.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.cogcube.cog.CogOptions;
import org.cogcube.warp.Kernel;

/**
 * How an ingest runs.
 *
 * @param resampling the kernel for layers not named in {@code layerResampling}
 * @param layerResampling kernels for some layers (mode for a land-use map)
 * @param derivations layers to compute from the date's layers once they are written, in order
 * @param nodata the nodata value of the ingested layers, or empty to take each layer's first
 *     input's (and, when it has none, 0 for integers and NaN for floats)
 * @param chunkSize write layers wider or taller than this many pixels as chunks and a VRT; 0 never
 * @param waitForLock wait for another ingest of the cube to finish, rather than fail at once
 * @param cog how the COGs are written (overview resampling follows each layer's kernel)
 * @param progress told the pixels written so far
 */
public record IngestOptions(Kernel resampling, Map<String, Kernel> layerResampling, List<Derivation> derivations,
        OptionalDouble nodata, int chunkSize, boolean waitForLock, CogOptions cog, Ingest.Progress progress) {

    public IngestOptions {
        Objects.requireNonNull(resampling, "resampling");
        layerResampling = Map.copyOf(layerResampling);
        derivations = List.copyOf(derivations);
        Objects.requireNonNull(nodata, "nodata");
        Objects.requireNonNull(cog, "cog");
        Objects.requireNonNull(progress, "progress");
        if (chunkSize < 0 || chunkSize > 0 && (chunkSize < 16 || chunkSize % 16 != 0)) {
            throw new IllegalArgumentException("the chunk size must be 0 (no chunks) or a multiple of 16, found "
                    + chunkSize);
        }
    }

    /** Nearest neighbour, no derived layers, the inputs' nodata, no chunks, wait for the lock, default COGs. */
    public static IngestOptions defaults() {
        return new IngestOptions(Kernel.NEAREST, Map.of(), List.of(), OptionalDouble.empty(), 0, true,
                CogOptions.defaults(), Ingest.Progress.NONE);
    }

    public IngestOptions withResampling(Kernel k) {
        return new IngestOptions(k, layerResampling, derivations, nodata, chunkSize, waitForLock, cog, progress);
    }

    public IngestOptions withLayerResampling(Map<String, Kernel> m) {
        return new IngestOptions(resampling, m, derivations, nodata, chunkSize, waitForLock, cog, progress);
    }

    public IngestOptions withDerivations(List<Derivation> d) {
        return new IngestOptions(resampling, layerResampling, d, nodata, chunkSize, waitForLock, cog, progress);
    }

    public IngestOptions withNodata(double value) {
        return new IngestOptions(resampling, layerResampling, derivations, OptionalDouble.of(value), chunkSize,
                waitForLock, cog, progress);
    }

    public IngestOptions withChunkSize(int size) {
        return new IngestOptions(resampling, layerResampling, derivations, nodata, size, waitForLock, cog, progress);
    }

    public IngestOptions withWaitForLock(boolean wait) {
        return new IngestOptions(resampling, layerResampling, derivations, nodata, chunkSize, wait, cog, progress);
    }

    public IngestOptions withCog(CogOptions c) {
        return new IngestOptions(resampling, layerResampling, derivations, nodata, chunkSize, waitForLock, c, progress);
    }

    public IngestOptions withProgress(Ingest.Progress p) {
        return new IngestOptions(resampling, layerResampling, derivations, nodata, chunkSize, waitForLock, cog, p);
    }

    /** The kernel of a layer. */
    public Kernel kernelOf(String layer) {
        return layerResampling.getOrDefault(layer, resampling);
    }
}
