package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.zip.Adler32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Our eight-bytes-at-a-time Adler-32 equals the JDK's (zlib's) for any bytes, length and offset. */
class Adler32SumTest {

    @Property(tries = 300, seed = "20240801")
    void equalsZlibsAdler32(@ForAll Content content, @ForAll @IntRange(max = 300_000) int size,
            @ForAll @IntRange(max = 9) int off, @ForAll long seed) {
        byte[] data = content.make(size + off, seed);
        assertEquals(zlib(data, off, size), Adler32Sum.of(data, off, size), () -> content + " " + size);
    }

    @Test
    void equalsZlibsAdler32WhereEveryLaneIsFullest() {
        // All bytes 255: the largest sums, across block and reduction boundaries.
        for (int size : new int[] {0, 1, 63, 64, 65, 4095, 4096, 4097, 5552, 65536, 524_288, 1_000_003}) {
            byte[] data = new byte[size];
            Arrays.fill(data, (byte) 0xFF);
            assertEquals(zlib(data, 0, size), Adler32Sum.of(data, 0, size), "size " + size);
        }
    }

    private static int zlib(byte[] data, int off, int len) {
        Adler32 adler = new Adler32();
        adler.update(data, off, len);
        return (int) adler.getValue();
    }
}
