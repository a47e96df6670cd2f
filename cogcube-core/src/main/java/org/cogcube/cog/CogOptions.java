package org.cogcube.cog;

import java.util.OptionalDouble;
import org.cogcube.raster.SampleType;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;

/**
 * How a COG is written.
 *
 * @param blockSize tile width and height in pixels, a multiple of 16 from 16 to 4096 (GDAL's default 512)
 * @param compression compression of the tiles
 * @param level compression level (DEFLATE 1-9, ZSTD 1-22; ignored by others); see {@link #defaultLevel}
 * @param predictor predictor, or null to choose by sample type (horizontal for integers,
 *     floating point for floats) when the compression benefits from one
 * @param resampling how overviews are computed
 * @param overviews whether to write overviews (down to the first level that fits one tile, as GDAL does)
 * @param nodata the nodata value to declare, or empty to keep the source's
 */
public record CogOptions(int blockSize, Compression compression, int level, Predictor predictor,
        Resampling resampling, boolean overviews, OptionalDouble nodata) {

    public CogOptions {
        if (blockSize < 16 || blockSize > 4096 || blockSize % 16 != 0) {
            throw new IllegalArgumentException("block size must be a multiple of 16 from 16 to 4096, got " + blockSize);
        }
        if (compression == null || resampling == null || nodata == null) {
            throw new IllegalArgumentException("compression, resampling and nodata must not be null");
        }
    }

    /** DEFLATE level 2 with the predictor chosen by type, 512-pixel tiles, average overviews. */
    public static CogOptions defaults() {
        return new CogOptions(512, Compression.DEFLATE, defaultLevel(Compression.DEFLATE), null, Resampling.AVERAGE,
                true, OptionalDouble.empty());
    }

    /**
     * The level the writer uses when none is given. For DEFLATE it is 2, not GDAL's 6: on
     * imagery after a predictor, longer match searches find little in prediction residuals, so
     * cogcube's encoder at level 2 makes files as small as GDAL's at 6 (0.992 times their size on
     * the benchmark's 10980 x 10980 band) for less CPU. Levels 3 to 6 search deeper for little:
     * level 4 costs about 40% more CPU for files 0.4% smaller (0.989 times GDAL's), as levels 1
     * and 2 keep their two candidates side by side and compare them without branches, and deeper
     * searches walk a chain; level 1 saves little more (a few per cent: fetching the candidates
     * and writing the Huffman codes cost more than comparing the second) for files 1% larger.
     * Cubes are written once and read many times over slow links, so the default stays no larger
     * than GDAL's. ZSTD keeps GDAL's 9.
     */
    public static int defaultLevel(Compression c) {
        return switch (c) {
            case DEFLATE, ADOBE_DEFLATE -> 2;
            default -> c.defaultLevel();
        };
    }

    public CogOptions withBlockSize(int size) {
        return new CogOptions(size, compression, level, predictor, resampling, overviews, nodata);
    }

    /** The compression with the writer's default level for it ({@link #defaultLevel}). */
    public CogOptions withCompression(Compression c) {
        return new CogOptions(blockSize, c, defaultLevel(c), predictor, resampling, overviews, nodata);
    }

    public CogOptions withLevel(int l) {
        return new CogOptions(blockSize, compression, l, predictor, resampling, overviews, nodata);
    }

    public CogOptions withPredictor(Predictor p) {
        return new CogOptions(blockSize, compression, level, p, resampling, overviews, nodata);
    }

    public CogOptions withResampling(Resampling r) {
        return new CogOptions(blockSize, compression, level, predictor, r, overviews, nodata);
    }

    public CogOptions withOverviews(boolean o) {
        return new CogOptions(blockSize, compression, level, predictor, resampling, o, nodata);
    }

    public CogOptions withNodata(double value) {
        return new CogOptions(blockSize, compression, level, predictor, resampling, overviews,
                OptionalDouble.of(value));
    }

    /** The predictor used for a sample type: the one asked, or the natural one for the type. */
    public Predictor predictorFor(SampleType type) {
        if (predictor != null) {
            return predictor;
        }
        if (compression == Compression.NONE || compression == Compression.PACKBITS) {
            return Predictor.NONE;
        }
        return type.isFloatingPoint() ? Predictor.FLOATING_POINT : Predictor.HORIZONTAL;
    }
}
