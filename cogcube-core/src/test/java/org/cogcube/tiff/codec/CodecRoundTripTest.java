package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every codec decodes what it encodes, for any size and content, at any level and offset. */
class CodecRoundTripTest {

    @Property(tries = 300, seed = "20240611")
    void decodeInvertsEncode(@ForAll Compression compression, @ForAll Content content,
            @ForAll("chunkSizes") int size, @ForAll long seed) {
        byte[] data = content.make(size, seed);
        Codec codec = compression.codec();
        byte[] encoded = codec.encode(data, 0, size, compression.defaultLevel());
        assertArrayEquals(data, codec.decode(encoded, 0, encoded.length, size), () -> compression + " " + content);
    }

    /** Sizes from empty to a 300 KB chunk, spread evenly rather than clustered near zero. */
    @Provide
    Arbitrary<Integer> chunkSizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 300_000).withDistribution(RandomDistribution.uniform()));
    }

    @Property(tries = 100, seed = "20240612")
    void decodeInvertsEncodeWithinLargerArrays(@ForAll Compression compression, @ForAll Content content,
            @ForAll @IntRange(max = 20_000) int size, @ForAll @IntRange(max = 100) int before,
            @ForAll @IntRange(max = 100) int after, @ForAll long seed) {
        byte[] data = content.make(before + size + after, seed);
        Codec codec = compression.codec();
        byte[] encoded = codec.encode(data, before, size, compression.defaultLevel());
        byte[] framed = new byte[before + encoded.length + after];
        Arrays.fill(framed, (byte) 0x5a);
        System.arraycopy(encoded, 0, framed, before, encoded.length);
        assertArrayEquals(Arrays.copyOfRange(data, before, before + size),
                codec.decode(framed, before, encoded.length, size));
    }

    @Property(tries = 200, seed = "20240615")
    void decodeIntoFillsTheStartOfAReusedArrayAndLeavesTheRest(@ForAll Compression compression,
            @ForAll Content content, @ForAll("chunkSizes") int size, @ForAll @IntRange(max = 1000) int spare,
            @ForAll long seed) {
        byte[] data = content.make(size, seed);
        Codec codec = compression.codec();
        byte[] encoded = codec.encode(data, 0, size, compression.defaultLevel());
        byte[] reused = Content.RANDOM.make(size + spare, seed + 1);
        byte[] before = reused.clone();
        codec.decodeInto(encoded, 0, encoded.length, reused, size);
        assertArrayEquals(data, Arrays.copyOf(reused, size), () -> compression + " " + content);
        assertArrayEquals(Arrays.copyOfRange(before, size, size + spare),
                Arrays.copyOfRange(reused, size, size + spare), () -> compression + " wrote past the expected length");
    }

    @Property(tries = 60, seed = "20240613")
    void deflateDecodeInvertsEncodeAtEveryLevel(@ForAll @IntRange(min = 1, max = 9) int level,
            @ForAll Content content, @ForAll @IntRange(max = 40_000) int size, @ForAll long seed) {
        byte[] data = content.make(size, seed);
        Codec codec = Compression.DEFLATE.codec();
        byte[] encoded = codec.encode(data, 0, size, level);
        assertArrayEquals(data, codec.decode(encoded, 0, encoded.length, size));
    }

    @Property(tries = 60, seed = "20240614")
    void zstdDecodeInvertsEncodeAtEveryLevel(@ForAll @IntRange(min = 1, max = 22) int level,
            @ForAll Content content, @ForAll @IntRange(max = 40_000) int size, @ForAll long seed) {
        byte[] data = content.make(size, seed);
        Codec codec = Compression.ZSTD.codec();
        byte[] encoded = codec.encode(data, 0, size, level);
        assertArrayEquals(data, codec.decode(encoded, 0, encoded.length, size));
    }
}
