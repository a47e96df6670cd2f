package org.cogcube.tiff.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import org.cogcube.MalformedFileException;

/**
 * Compression 50000: Zstandard frames (RFC 8878), through zstd-jni. Levels 1 (fastest) to 22
 * (smallest). The native contexts are pooled, since making one for a high level costs about as
 * much as compressing a small tile.
 */
final class ZstdCodec extends IntoArrayCodec {
    static final ZstdCodec INSTANCE = new ZstdCodec();
    static final int DEFAULT_LEVEL = 9;

    private static final Pool<ZstdDecompressCtx> DECOMPRESSORS =
            Pool.perProcessor(ZstdDecompressCtx::new, ZstdDecompressCtx::close);
    private static final Pool<ZstdCompressCtx> COMPRESSORS =
            Pool.perProcessor(ZstdCompressCtx::new, ZstdCompressCtx::close);

    private ZstdCodec() {
    }

    /**
     * Decodes straight into {@code out}. A frame that declares another content size than
     * {@code expectedLength} is rejected before anything is written; one that declares none
     * cannot write past {@code expectedLength} either, zstd stops with an error.
     */
    @Override
    public void decodeInto(byte[] src, int off, int len, byte[] out, int expectedLength) {
        Arguments.checkDecodeInto(src, off, len, out, expectedLength);
        if (checkFrame(src, off, len, expectedLength)) {
            decompress(src, off, len, out, expectedLength);
        }
    }

    /** Whether there is a frame to decompress (false for no bytes expected from none); refuses a bad header. */
    private static boolean checkFrame(byte[] src, int off, int len, int expectedLength) {
        if (len == 0) {
            if (expectedLength == 0) {
                return false;
            }
            throw new MalformedFileException("ZSTD data too short: expected a zstd frame of " + expectedLength
                    + " decoded bytes, found no bytes");
        }
        long declared = Zstd.getFrameContentSize(src, off, len);
        if (declared == -2) {
            throw new MalformedFileException("corrupt ZSTD data: expected a zstd frame of " + expectedLength
                    + " decoded bytes, found no valid frame header in " + len + " bytes");
        }
        if (declared >= 0 && declared > expectedLength) {
            throw new MalformedFileException("ZSTD frame declares " + declared + " decoded bytes, expected "
                    + expectedLength);
        }
        return true;
    }

    private static void decompress(byte[] src, int off, int len, byte[] out, int expectedLength) {
        ZstdDecompressCtx context = DECOMPRESSORS.take();
        int n;
        try {
            n = context.decompressByteArray(out, 0, expectedLength, src, off, len);
        } catch (ZstdException e) {
            throw new MalformedFileException("corrupt ZSTD data (expected " + expectedLength
                    + " decoded bytes): " + e.getMessage(), e);
        } finally {
            context.reset();
            DECOMPRESSORS.release(context);
        }
        if (n != expectedLength) {
            throw new MalformedFileException("ZSTD data too short: expected " + expectedLength
                    + " decoded bytes, found " + n);
        }
    }

    @Override
    public byte[] encode(byte[] src, int off, int len, int level) {
        Arguments.checkEncode(src, off, len);
        Arguments.checkLevel("ZSTD", level, 1, 22);
        byte[] out = new byte[(int) Zstd.compressBound(len)];
        ZstdCompressCtx context = COMPRESSORS.take();
        try {
            context.setLevel(level);
            int n = context.compressByteArray(out, 0, out.length, src, off, len);
            return Arrays.copyOf(out, n);
        } finally {
            COMPRESSORS.release(context);
        }
    }
}
