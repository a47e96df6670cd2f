package org.cogcube.tiff.codec;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.cogcube.UnsupportedFeatureException;

/** The TIFF compression schemes cogcube reads and writes, with their Compression tag codes. */
public enum Compression {
    NONE(1), LZW(5), DEFLATE(8), PACKBITS(32773), ADOBE_DEFLATE(32946), ZSTD(50000);

    private final int code;

    Compression(int code) {
        this.code = code;
    }

    /** The value of the TIFF Compression tag (259). */
    public int code() {
        return code;
    }

    /**
     * The scheme for a Compression tag value.
     *
     * @throws UnsupportedFeatureException if cogcube does not implement that scheme; the message
     *     names the code, the scheme when it is a known TIFF one, and the supported schemes
     */
    public static Compression of(int code) {
        for (Compression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        String name = otherSchemeName(code);
        throw new UnsupportedFeatureException("unsupported TIFF compression " + code
                + (name == null ? " (not a known TIFF compression code)" : " (" + name + ")")
                + "; supported: " + Arrays.stream(values()).map(c -> c.name() + " (" + c.code + ")")
                        .collect(Collectors.joining(", ")));
    }

    /** The codec for this scheme; DEFLATE and ADOBE_DEFLATE share one (both are zlib streams). */
    public Codec codec() {
        return switch (this) {
            case NONE -> NoneCodec.INSTANCE;
            case LZW -> LzwCodec.INSTANCE;
            case DEFLATE, ADOBE_DEFLATE -> DeflateCodec.INSTANCE;
            case PACKBITS -> PackBitsCodec.INSTANCE;
            case ZSTD -> ZstdCodec.INSTANCE;
        };
    }

    /** The level GDAL uses when none is given: 6 for the deflates, 9 for ZSTD, 0 where levels mean nothing. */
    public int defaultLevel() {
        return switch (this) {
            case DEFLATE, ADOBE_DEFLATE -> DeflateCodec.DEFAULT_LEVEL;
            case ZSTD -> ZstdCodec.DEFAULT_LEVEL;
            case NONE, LZW, PACKBITS -> 0;
        };
    }

    /** The names of registered TIFF compression schemes cogcube does not implement, or null. */
    private static String otherSchemeName(int code) {
        return switch (code) {
            case 2 -> "CCITT modified Huffman RLE";
            case 3 -> "CCITT Group 3 fax";
            case 4 -> "CCITT Group 4 fax";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case 32766 -> "NeXT 2-bit RLE";
            case 32771 -> "CCITT RLE, word-aligned";
            case 32809 -> "ThunderScan RLE";
            case 32908, 32909 -> "Pixar log";
            case 32947 -> "Kodak DCS";
            case 34661 -> "JBIG";
            case 34676, 34677 -> "SGI LogLuv";
            case 34712 -> "JPEG 2000";
            case 34887 -> "LERC";
            case 34892 -> "lossy JPEG (DNG)";
            case 34925 -> "LZMA";
            case 50001 -> "WebP";
            case 50002 -> "JPEG XL";
            default -> null;
        };
    }
}
