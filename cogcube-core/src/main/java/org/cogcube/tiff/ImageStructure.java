package org.cogcube.tiff;

import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.SampleType;
import org.cogcube.tiff.codec.Compression;
import org.cogcube.tiff.codec.Predictor;

/**
 * How the pixels of one IFD are stored: dimensions, sample type, chunking (tiles or strips),
 * compression and predictor, and where each chunk lies.
 *
 * <p>A <b>chunk</b> is a tile or a strip. Strips are seen as tiles as wide as the image whose
 * last one may be shorter. With planar configuration 2 (separate planes) the chunks of band 1
 * come first, then those of band 2, and so on.
 *
 * @param ifdIndex the IFD this describes
 * @param width image width in pixels
 * @param height image height in pixels
 * @param samplesPerPixel number of bands
 * @param sampleType type of every sample
 * @param compression compression of the chunks
 * @param predictor predictor applied before compression
 * @param planar true for separate planes (PlanarConfiguration 2), false for interleaved pixels
 * @param tiled true for tiles, false for strips
 * @param chunkWidth tile width, or image width for strips
 * @param chunkHeight tile height, or rows per strip
 * @param offsets where each chunk starts
 * @param byteCounts how many bytes each chunk takes
 * @param subfileType NewSubfileType: bit 0 reduced resolution, bit 2 transparency mask
 */
public record ImageStructure(int ifdIndex, int width, int height, int samplesPerPixel, SampleType sampleType,
        Compression compression, Predictor predictor, boolean planar, boolean tiled, int chunkWidth,
        int chunkHeight, long[] offsets, long[] byteCounts, int subfileType) {

    /** Images wider or taller than this are refused as absurd. */
    public static final int MAX_DIMENSION = 1 << 24;

    public boolean isReducedResolution() {
        return (subfileType & 1) != 0;
    }

    public boolean isMask() {
        return (subfileType & 4) != 0;
    }

    public int chunksAcross() {
        return (int) ((width + (long) chunkWidth - 1) / chunkWidth);
    }

    public int chunksDown() {
        return (int) ((height + (long) chunkHeight - 1) / chunkHeight);
    }

    /** Samples stored per pixel in one chunk: all bands when interleaved, one when planar. */
    public int samplesPerChunkPixel() {
        return planar ? 1 : samplesPerPixel;
    }

    /** The index in offsets/byteCounts of a chunk, by plane (band when planar, else 0), column and row. */
    public int chunkIndex(int plane, int column, int row) {
        return (plane * chunksDown() + row) * chunksAcross() + column;
    }

    /** Rows actually stored in the chunk of a chunk row (strips at the bottom may be shorter). */
    public int rowsInChunk(int row) {
        return tiled ? chunkHeight : Math.min(chunkHeight, height - row * chunkHeight);
    }

    /** Size in bytes of a decoded chunk of a chunk row. */
    public int decodedChunkBytes(int row) {
        return chunkWidth * rowsInChunk(row) * samplesPerChunkPixel() * sampleType.bytes();
    }

    /** Derives the structure of an IFD, checking it against the file size. */
    public static ImageStructure of(Ifd ifd, long fileSize, String location) {
        String where = location + ", IFD " + ifd.index();
        long width = ifd.require(Tag.IMAGE_WIDTH, location).firstLong();
        long height = ifd.require(Tag.IMAGE_LENGTH, location).firstLong();
        if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new MalformedFileException(where + ": absurd image size " + width + " x " + height
                    + " (expected 1 to " + MAX_DIMENSION + " pixels each way)");
        }
        int spp = (int) ifd.longOr(Tag.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 65535) {
            throw new MalformedFileException(where + ": SamplesPerPixel " + spp + " (expected 1 or more)");
        }
        long[] bits = ifd.get(Tag.BITS_PER_SAMPLE).map(TagValue::longs).orElse(new long[] {1});
        long[] formats = ifd.get(Tag.SAMPLE_FORMAT).map(TagValue::longs).orElse(new long[] {1});
        for (long b : bits) {
            if (b != bits[0]) {
                throw new UnsupportedFeatureException(where + ": bands of different BitsPerSample ("
                        + java.util.Arrays.toString(bits) + ") are not supported");
            }
        }
        for (long f : formats) {
            if (f != formats[0]) {
                throw new UnsupportedFeatureException(where + ": bands of different SampleFormat ("
                        + java.util.Arrays.toString(formats) + ") are not supported");
            }
        }
        SampleType type;
        try {
            type = SampleType.of((int) formats[0], (int) bits[0]);
        } catch (UnsupportedFeatureException e) {
            throw new UnsupportedFeatureException(where + ": " + e.getMessage());
        }
        Compression compression;
        Predictor predictor;
        try {
            compression = Compression.of((int) ifd.longOr(Tag.COMPRESSION, 1));
            predictor = Predictor.of((int) ifd.longOr(Tag.PREDICTOR, 1));
        } catch (UnsupportedFeatureException e) {
            throw new UnsupportedFeatureException(where + ": " + e.getMessage());
        }
        long planarConfig = ifd.longOr(Tag.PLANAR_CONFIGURATION, 1);
        if (planarConfig != 1 && planarConfig != 2) {
            throw new MalformedFileException(where + ": PlanarConfiguration " + planarConfig + " (expected 1 or 2)");
        }
        boolean planar = planarConfig == 2 && spp > 1;
        boolean tiled = ifd.has(Tag.TILE_WIDTH) || ifd.has(Tag.TILE_OFFSETS);
        long chunkWidth;
        long chunkHeight;
        long[] offsets;
        long[] counts;
        if (tiled) {
            chunkWidth = ifd.require(Tag.TILE_WIDTH, location).firstLong();
            chunkHeight = ifd.require(Tag.TILE_LENGTH, location).firstLong();
            offsets = ifd.require(Tag.TILE_OFFSETS, location).longs();
            counts = ifd.require(Tag.TILE_BYTE_COUNTS, location).longs();
        } else {
            chunkWidth = width;
            chunkHeight = Math.min(ifd.longOr(Tag.ROWS_PER_STRIP, height), height);
            offsets = ifd.require(Tag.STRIP_OFFSETS, location).longs();
            counts = ifd.require(Tag.STRIP_BYTE_COUNTS, location).longs();
        }
        if (chunkWidth <= 0 || chunkHeight <= 0 || chunkWidth > MAX_DIMENSION || chunkHeight > MAX_DIMENSION
                || chunkWidth * chunkHeight * spp * type.bytes() > Integer.MAX_VALUE - 64) {
            throw new MalformedFileException(where + ": absurd " + (tiled ? "tile" : "strip") + " size " + chunkWidth
                    + " x " + chunkHeight + " with " + spp + " samples of " + type.bytes() + " bytes");
        }
        long across = (width + chunkWidth - 1) / chunkWidth;
        long down = (height + chunkHeight - 1) / chunkHeight;
        long expected = across * down * (planar ? spp : 1);
        String kind = tiled ? "Tile" : "Strip";
        if (offsets.length != expected || counts.length != expected) {
            throw new MalformedFileException(where + ": " + kind + "Offsets has " + offsets.length + " and " + kind
                    + "ByteCounts " + counts.length + " values, expected " + expected);
        }
        for (int i = 0; i < offsets.length; i++) {
            if (counts[i] < 0 || offsets[i] < 0 || (counts[i] > 0 && offsets[i] + counts[i] > fileSize)) {
                throw new MalformedFileException(where + ", " + kind.toLowerCase(java.util.Locale.ROOT) + " " + i
                        + ": " + counts[i] + " bytes at offset " + offsets[i] + " lie past the end of the file (size "
                        + fileSize + ")");
            }
        }
        int subfile = (int) ifd.longOr(Tag.NEW_SUBFILE_TYPE, 0);
        return new ImageStructure(ifd.index(), (int) width, (int) height, spp, type, compression, predictor, planar,
                tiled, (int) chunkWidth, (int) chunkHeight, offsets, counts, subfile);
    }
}
