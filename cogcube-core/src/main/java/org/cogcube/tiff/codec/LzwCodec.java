package org.cogcube.tiff.codec;

/**
 * Compression 5: TIFF's LZW, as libtiff writes it. Codes are read and written most significant
 * bit first, 9 to 12 bits wide; 256 is Clear and 257 is end of information (EOI); the code width
 * grows one code early (when the table reaches 511, 1023 and 2047 entries: TIFF's "early
 * change"). The table words are described in {@link LzwDecoder} and {@link LzwEncoder}.
 */
final class LzwCodec implements Codec {
    static final LzwCodec INSTANCE = new LzwCodec();

    static final int CLEAR = 256;
    static final int EOI = 257;
    /** The first code the table assigns to a string of two or more bytes. */
    static final int FIRST_FREE = 258;
    static final int MIN_BITS = 9;
    static final int MAX_BITS = 12;

    private LzwCodec() {
    }

    @Override
    public byte[] decode(byte[] src, int off, int len, int expectedLength) {
        Arguments.checkDecode(src, off, len, expectedLength);
        return LzwDecoder.decode(src, off, len, expectedLength);
    }

    /** Encodes; LZW has no levels, so {@code level} is ignored. */
    @Override
    public byte[] encode(byte[] src, int off, int len, int level) {
        Arguments.checkEncode(src, off, len);
        return LzwEncoder.encode(src, off, len);
    }
}
