package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Codecs share pooled native streams between threads; each call must still be independent. */
class ConcurrentUseTest {

    @Test
    void roundTripsOnManyThreadsAtOnceAtMixedLevels() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                int seed = task;
                results.add(pool.submit(() -> {
                    for (Compression compression : Compression.values()) {
                        byte[] data = Content.values()[seed % Content.values().length].make(20_000 + seed * 997, seed);
                        int level = switch (compression) {
                            case DEFLATE, ADOBE_DEFLATE -> 1 + seed % 9;
                            case ZSTD -> 1 + seed % 12;
                            default -> 0;
                        };
                        byte[] encoded = compression.codec().encode(data, 0, data.length, level);
                        assertArrayEquals(data, compression.codec().decode(encoded, 0, encoded.length, data.length),
                                compression + " task " + seed);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deflatesExactlyAsAFreshStreamAtEachLevelWhateverCameBefore() {
        byte[] data = Content.RAMP.make(50_000, 7);
        for (int level : new int[] {9, 1, 6, 1, 9, 3, 7, 4}) {
            byte[] expected;
            if (level <= DeflateCodec.OWN_ENCODER_MAX_LEVEL) {
                expected = new DeflateEncoder().encode(data, 0, data.length, DeflateCodec.searchDepth(level), false);
            } else {
                expected = zlib(data, level);
            }
            assertArrayEquals(expected, Compression.DEFLATE.codec().encode(data, 0, data.length, level),
                    "level " + level);
        }
    }

    @Test
    void deflatesChunksUnder32KiBAsZlibAtTheSameLevel() {
        for (int length : new int[] {1, 4096, DeflateCodec.OWN_ENCODER_MIN_LENGTH - 1}) {
            byte[] data = Content.RAMP.make(length, 3);
            for (int level : new int[] {1, 2, 6}) {
                assertArrayEquals(zlib(data, level), Compression.DEFLATE.codec().encode(data, 0, data.length, level),
                        length + " bytes at level " + level);
            }
        }
        byte[] large = Content.RAMP.make(DeflateCodec.OWN_ENCODER_MIN_LENGTH, 3);
        assertArrayEquals(new DeflateEncoder().encode(large, 0, large.length, DeflateCodec.searchDepth(2), false),
                Compression.DEFLATE.codec().encode(large, 0, large.length, 2));
    }

    private static byte[] zlib(byte[] data, int level) {
        Deflater fresh = new Deflater(level);
        fresh.setInput(data);
        fresh.finish();
        byte[] buffer = new byte[data.length + 1000];
        int n = fresh.deflate(buffer);
        fresh.end();
        return Arrays.copyOf(buffer, n);
    }
}
