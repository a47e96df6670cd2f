package org.cogcube.tiff.codec;

/**
 * A codec that decodes straight into the caller's array ({@link #decodeInto}); {@link #decode}
 * allocates the array of the expected length and decodes into it.
 */
abstract class IntoArrayCodec implements Codec {

    @Override
    public final byte[] decode(byte[] src, int off, int len, int expectedLength) {
        Arguments.checkDecode(src, off, len, expectedLength);
        byte[] out = new byte[expectedLength];
        decodeInto(src, off, len, out, expectedLength);
        return out;
    }

    @Override
    public abstract void decodeInto(byte[] src, int off, int len, byte[] out, int expectedLength);
}
