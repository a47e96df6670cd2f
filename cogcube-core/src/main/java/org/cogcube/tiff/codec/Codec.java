package org.cogcube.tiff.codec;

/**
 * One TIFF compression scheme as a pair of pure functions of bytes. Implementations hold no
 * state between calls and are safe to use from many threads at once: the writer compresses
 * tiles on every core and the reader decodes them concurrently.
 */
public interface Codec {

    /**
     * Decodes {@code src[off, off+len)} into exactly {@code expectedLength} bytes.
     *
     * <p>Data that is corrupt, or that decodes to fewer bytes than expected, gives a
     * {@link org.cogcube.MalformedFileException} saying what was expected and what was found
     * (the caller adds the file and the tile). Data that holds more than expected is cut at
     * {@code expectedLength}, as libtiff does, except a ZSTD frame, which is refused (zstd decodes
     * a frame whole). Whatever the input claims, decoding never hangs and never allocates much more
     * than {@code expectedLength} bytes.
     *
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code src}
     * @throws IllegalArgumentException if {@code expectedLength} is negative
     */
    byte[] decode(byte[] src, int off, int len, int expectedLength);

    /**
     * Decodes {@code src[off, off+len)} into {@code out[0, expectedLength)}, as {@link #decode}
     * does and with the same errors; the bytes of {@code out} past {@code expectedLength} are left
     * as they were. A reader that decodes many chunks one after another can so reuse one array
     * instead of allocating (and zeroing) one per chunk. Codecs that can write into {@code out}
     * directly do; the others decode into a new array and copy it.
     *
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code src} or
     *     {@code expectedLength} exceeds {@code out.length}
     * @throws IllegalArgumentException if {@code expectedLength} is negative
     */
    default void decodeInto(byte[] src, int off, int len, byte[] out, int expectedLength) {
        Arguments.checkDecodeInto(src, off, len, out, expectedLength);
        System.arraycopy(decode(src, off, len, expectedLength), 0, out, 0, expectedLength);
    }

    /**
     * Encodes {@code src[off, off+len)}. The level is codec-specific (see
     * {@link Compression#defaultLevel()}) and ignored by codecs that have none.
     *
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code src}
     * @throws IllegalArgumentException if the codec has levels and {@code level} is not one of them
     */
    byte[] encode(byte[] src, int off, int len, int level);
}
