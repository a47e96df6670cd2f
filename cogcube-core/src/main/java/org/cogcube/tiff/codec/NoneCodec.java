package org.cogcube.tiff.codec;

import java.util.Arrays;

/** Compression 1: the chunk is stored as is. */
final class NoneCodec extends IntoArrayCodec {
    static final NoneCodec INSTANCE = new NoneCodec();

    private NoneCodec() {
    }

    /** Copies the chunk; fewer bytes than expected is an error, extra bytes are ignored. */
    @Override
    public void decodeInto(byte[] src, int off, int len, byte[] out, int expectedLength) {
        Arguments.checkDecodeInto(src, off, len, out, expectedLength);
        if (len < expectedLength) {
            throw new TruncatedDataException("uncompressed chunk too short: expected " + expectedLength
                    + " bytes, found " + len);
        }
        System.arraycopy(src, off, out, 0, expectedLength);
    }

    @Override
    public byte[] encode(byte[] src, int off, int len, int level) {
        Arguments.checkEncode(src, off, len);
        return Arrays.copyOfRange(src, off, off + len);
    }
}
