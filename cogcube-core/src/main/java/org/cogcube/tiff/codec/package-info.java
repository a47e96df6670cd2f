/**
 * TIFF compression codecs and predictors: pure, thread-safe functions of bytes, used by the
 * reader to decode tiles concurrently and by the writer to compress them on every core.
 *
 * <p>Words used here:
 * <ul>
 *   <li><b>chunk</b>: the unit TIFF compresses on its own, one tile or one strip, made of rows
 *       of pixels; each pixel holds {@code samplesPerPixel} interleaved samples (planar
 *       configuration 1), in the file's byte order;</li>
 *   <li><b>compression</b>: a scheme named by the TIFF Compression tag (259), a
 *       {@link org.cogcube.tiff.codec.Compression};</li>
 *   <li><b>codec</b>: the pair of functions that encode and decode one chunk's bytes for a
 *       compression, a {@link org.cogcube.tiff.codec.Codec}; decoding is told how many bytes
 *       the chunk must hold and never produces, or allocates, more;</li>
 *   <li><b>level</b>: a codec's trade of speed for size (1 to 9 for deflate, 1 to 22 for
 *       ZSTD); codecs without levels ignore it;</li>
 *   <li><b>predictor</b>: a reversible transform of each row of a chunk, named by the TIFF
 *       Predictor tag (317), applied before encoding and undone after decoding, a
 *       {@link org.cogcube.tiff.codec.Predictor};</li>
 *   <li><b>stride</b>: the distance, in samples (or bytes, for the floating point predictor),
 *       between a value and the one it is predicted from: the samples per pixel.</li>
 * </ul>
 *
 * <p>Writing a chunk is {@code predictor.encode} then {@code codec.encode}; reading one is
 * {@code codec.decode} then {@code predictor.decode}. Corrupt data gives a
 * {@link org.cogcube.MalformedFileException} saying what was expected and what was found;
 * a scheme cogcube does not implement gives an {@link org.cogcube.UnsupportedFeatureException}.
 * The caller adds the file and the chunk to the message.
 */
package org.cogcube.tiff.codec;
