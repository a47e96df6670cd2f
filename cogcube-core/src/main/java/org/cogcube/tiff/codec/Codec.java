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
     * Encodes {@code src[off, off+len)}. The level is codec-specific (see
     * {@link Compression#defaultLevel()}) and ignored by codecs that have none.
     *
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not within {@code src}
     * @throws IllegalArgumentException if the codec has levels and {@code level} is not one of them
     */
    byte[] encode(byte[] src, int off, int len, int level);
}
