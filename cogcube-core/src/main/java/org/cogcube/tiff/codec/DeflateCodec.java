package org.cogcube.tiff.codec;

import java.util.Arrays;
import java.util.zip.Deflater;
import org.cogcube.MalformedFileException;

/**
 * Compression 8 (and 32946, Adobe's older code for the same thing): a zlib stream (RFC 1950)
 * of the whole chunk. Levels 1 (fastest) to 9 (smallest). Decoding is cogcube's own
 * {@link ZlibDecoder}, faster than the JDK's zlib on image tiles. Levels 1 to
 * {@value #OWN_ENCODER_MAX_LEVEL} encode chunks of at least {@value #OWN_ENCODER_MIN_LENGTH} bytes with
 * cogcube's own {@link DeflateEncoder}, which on imagery after a predictor is smaller than zlib at
 * the same level and faster; levels above, and smaller chunks, encode with the JDK's zlib, whose
 * deeper searches can pay on other data.
 *
 * <p>Small chunks are the tiles of small files (a field's cut, written as a COG with a 64-pixel
 * block, is 16 KiB of floats per tile). On them zlib is as fast as the own encoder once that is
 * compiled (64 x 64 float tiles after predictor 3: 99 against 110 microseconds a tile at level 2),
 * twice as fast before (a command that writes a few dozen such files runs the own encoder mostly
 * interpreted), and larger: the 78 cuts of the extraction benchmark take 8% more bytes (318 against
 * 295 KB), 40 ms less in a fresh JVM. Cubes are unaffected: their blocks hold 256 KiB and more.
 */
final class DeflateCodec extends IntoArrayCodec {
    static final DeflateCodec INSTANCE = new DeflateCodec();
    static final int DEFAULT_LEVEL = 6;
    /** The highest level {@link DeflateEncoder} encodes; zlib does those above. */
    static final int OWN_ENCODER_MAX_LEVEL = 6;
    /** The smallest chunk {@link DeflateEncoder} encodes; zlib does smaller ones. */
    static final int OWN_ENCODER_MIN_LENGTH = 32 << 10;
    /** How many earlier positions {@link DeflateEncoder} searches for a match, by level. */
    private static final int[] SEARCH_DEPTH = {0, 1, 2, 3, 4, 6, 8};

    private static final Pool<ZlibDecoder> DECODERS = Pool.perProcessor(ZlibDecoder::new, d -> { });
    private static final Pool<DeflateEncoder> ENCODERS = Pool.perProcessor(DeflateEncoder::new, e -> { });
    private static final Pool<Deflater> DEFLATERS = Pool.perProcessor(Deflater::new, Deflater::end);

    private DeflateCodec() {
    }

    @Override
    public void decodeInto(byte[] src, int off, int len, byte[] out, int expectedLength) {
        Arguments.checkDecodeInto(src, off, len, out, expectedLength);
        if (expectedLength == 0) {
            return;
        }
        ZlibDecoder decoder = DECODERS.take();
        try {
            decoder.decode(src, off, len, out, expectedLength);
        } catch (ZlibDecoder.Corrupt e) {
            throw new MalformedFileException("corrupt deflate data (expected a zlib stream of " + expectedLength
                    + " decoded bytes): " + e.getMessage(), e);
        } catch (ZlibDecoder.TooShort e) {
            throw new TruncatedDataException("deflate data too short: expected " + expectedLength
                    + " decoded bytes, found " + decoder.decoded() + " " + e.getMessage(), e);
        } finally {
            DECODERS.release(decoder);
        }
    }

    /** How many earlier positions {@link DeflateEncoder} searches for a match at a level up to {@link #OWN_ENCODER_MAX_LEVEL}. */
    static int searchDepth(int level) {
        return SEARCH_DEPTH[level];
    }

    @Override
    public byte[] encode(byte[] src, int off, int len, int level) {
        Arguments.checkEncode(src, off, len);
        Arguments.checkLevel("DEFLATE", level, 1, 9);
        if (level <= OWN_ENCODER_MAX_LEVEL && len >= OWN_ENCODER_MIN_LENGTH) {
            DeflateEncoder encoder = ENCODERS.take();
            try {
                return encoder.encode(src, off, len, searchDepth(level), false);
            } finally {
                ENCODERS.release(encoder);
            }
        }
        // zlib's bound for one stream: stored blocks of at most 16 KiB, 5 bytes each, and the frame.
        byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 16, len + 5L * (len / 16383 + 1) + 64)];
        Deflater deflater = DEFLATERS.take();
        try {
            deflater.setLevel(level);
            deflater.setInput(src, off, len);
            deflater.finish();
            int op = 0;
            while (!deflater.finished()) {
                if (op == out.length) {
                    out = Arrays.copyOf(out, out.length + (out.length >> 1) + 64);
                }
                op += deflater.deflate(out, op, out.length - op);
            }
            return Arrays.copyOf(out, op);
        } finally {
            deflater.reset();
            DEFLATERS.release(deflater);
        }
    }
}
