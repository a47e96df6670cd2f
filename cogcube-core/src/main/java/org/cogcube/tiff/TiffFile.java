package org.cogcube.tiff;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cogcube.io.RangeReader;

/**
 * The structure of a TIFF: its header and the chain of IFDs with all their values, as read from
 * a source. Pixel data is not read.
 *
 * @param location the path or URL it was read from
 * @param header the header
 * @param ifds every IFD of the main chain, in order
 * @param size the size of the file in bytes
 * @param structuralMetadata GDAL's ghost header right after the TIFF header (e.g.
 *     {@code LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR...}), or empty when the file has none
 * @param headerEnd the end of the structure's furthest byte (header, ghost header, IFDs and their
 *     values): how much one read from the start of the file must cover to parse it in one request,
 *     when the structure comes first as in a COG
 */
public record TiffFile(String location, TiffHeader header, List<Ifd> ifds, long size, String structuralMetadata,
        long headerEnd) {

    public TiffFile {
        ifds = List.copyOf(ifds);
    }

    /**
     * Whether the file declares GDAL's COG layout (what {@code gdalinfo} reports as
     * {@code LAYOUT=COG}): a ghost header with IFDs before data and no known incompatible edit.
     */
    public boolean declaresCogLayout() {
        return structuralMetadata.contains("LAYOUT=IFDS_BEFORE_DATA")
                && !structuralMetadata.contains("KNOWN_INCOMPATIBLE_EDITION=YES");
    }

    /** The bytes read first: enough for the header and the IFDs of a COG in one request. */
    public static final int DEFAULT_PREFIX = 16 * 1024;
    /** The least first read: the header and the fixed start of GDAL's ghost header. */
    public static final int MIN_PREFIX = 1024;

    /**
     * Reads the header and every IFD. One request when they lie in the first
     * {@link #DEFAULT_PREFIX} bytes (as in a COG); otherwise a few more, each for ranges known
     * to be needed.
     */
    public static CompletableFuture<TiffFile> read(RangeReader source) {
        return read(source, DEFAULT_PREFIX);
    }

    /**
     * Reads the header and every IFD, asking first for {@code prefix} bytes: one request when the
     * structure lies within them, more otherwise. A caller that knows how large the structure of
     * files like this one is (their {@link #headerEnd}) can ask for little more than that.
     *
     * @param prefix at least {@value #MIN_PREFIX} bytes
     */
    public static CompletableFuture<TiffFile> read(RangeReader source, int prefix) {
        if (prefix < MIN_PREFIX) {
            throw new IllegalArgumentException("a first read of " + prefix + " bytes asked; at least " + MIN_PREFIX
                    + " are needed for the header and GDAL's ghost header");
        }
        return new TiffParser(source, prefix).parse();
    }
}
