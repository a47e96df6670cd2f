package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cogcube.MalformedFileException;
import org.cogcube.UnsupportedFeatureException;

/**
 * Whatever bytes a file holds, decoding ends quickly with either exactly the expected number of
 * bytes or a {@link MalformedFileException}: never a hang, an index error or a runaway allocation.
 */
class CorruptStreamTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Property(tries = 400, seed = "20240621")
    void decodingGarbageGivesTheExpectedLengthOrMalformedFile(@ForAll Compression compression,
            @ForAll @IntRange(max = 5000) int length, @ForAll @IntRange(max = 100_000) int expectedLength,
            @ForAll long seed) {
        byte[] garbage = new byte[length];
        new SplittableRandom(seed).nextBytes(garbage);
        decodeOrFail(compression, garbage, expectedLength);
    }

    @Property(tries = 300, seed = "20240622")
    void decodingATruncatedStreamGivesTheDataOrMalformedFile(@ForAll Compression compression,
            @ForAll Content content, @ForAll @IntRange(min = 1, max = 30_000) int size,
            @ForAll @IntRange(max = 999) int keptPerMille, @ForAll long seed) {
        byte[] data = content.make(size, seed);
        byte[] encoded = compression.codec().encode(data, 0, size, compression.defaultLevel());
        byte[] truncated = Arrays.copyOf(encoded, (int) ((long) encoded.length * keptPerMille / 1000));
        byte[] decoded = decodeOrFail(compression, truncated, size);
        if (decoded != null) {
            // Only the end of information or a checksum may be missing, never data.
            assertArrayEquals(data, decoded);
        }
    }

    @Property(tries = 300, seed = "20240623")
    void decodingAStreamWithFlippedBytesGivesTheExpectedLengthOrMalformedFile(@ForAll Compression compression,
            @ForAll Content content, @ForAll @IntRange(min = 1, max = 30_000) int size,
            @ForAll @IntRange(min = 1, max = 8) int flips, @ForAll long seed) {
        byte[] encoded = compression.codec().encode(content.make(size, seed), 0, size, compression.defaultLevel());
        Assume.that(encoded.length > 0);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < flips; i++) {
            encoded[random.nextInt(encoded.length)] ^= (byte) (1 + random.nextInt(255));
        }
        decodeOrFail(compression, encoded, size);
    }

    @Property(tries = 300, seed = "20240624")
    void decodingABrokenStreamIntoAReusedArrayEndsAsDecodingItAloneDoes(@ForAll Compression compression,
            @ForAll Content content, @ForAll @IntRange(min = 1, max = 30_000) int size,
            @ForAll @IntRange(max = 999) int keptPerMille, @ForAll @IntRange(max = 4) int flips, @ForAll long seed) {
        byte[] encoded = compression.codec().encode(content.make(size, seed), 0, size, compression.defaultLevel());
        byte[] broken = Arrays.copyOf(encoded, (int) ((long) encoded.length * keptPerMille / 1000));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < flips && broken.length > 0; i++) {
            broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
        }
        byte[] alone = decodeOrFail(compression, broken, size);
        byte[] reused = Content.RANDOM.make(size + 64, seed + 1);
        byte[] tail = Arrays.copyOfRange(reused, size, size + 64);
        boolean failed = assertTimeoutPreemptively(PATIENCE, () -> {
            try {
                compression.codec().decodeInto(broken, 0, broken.length, reused, size);
                return false;
            } catch (MalformedFileException | UnsupportedFeatureException e) {
                return true;
            }
        });
        assertEquals(alone == null, failed, "decode and decodeInto disagree on whether the stream is broken");
        if (alone != null) {
            assertArrayEquals(alone, Arrays.copyOf(reused, size));
        }
        assertArrayEquals(tail, Arrays.copyOfRange(reused, size, size + 64),
                "decodeInto wrote past the expected length");
    }

    /** The decoded bytes, or null if the codec threw MalformedFileException; fails on anything else. */
    private static byte[] decodeOrFail(Compression compression, byte[] src, int expectedLength) {
        return assertTimeoutPreemptively(PATIENCE, () -> {
            try {
                byte[] decoded = compression.codec().decode(src, 0, src.length, expectedLength);
                assertEquals(expectedLength, decoded.length);
                return decoded;
            } catch (MalformedFileException e) {
                return null;
            } catch (UnsupportedFeatureException e) {
                // Garbage may start like an old-style LZW stream.
                assertEquals(Compression.LZW, compression, e.getMessage());
                return null;
            }
        });
    }
}
