package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HexFormat;
import org.cogcube.MalformedFileException;
import org.junit.jupiter.api.Test;

/** Streams made to hurt: bombs that expand far past the chunk, and headers that lie. */
class HostileInputTest {
    private static final int CHUNK = 1000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void rejectsAZstdFrameClaimingAHugeContentSizeBeforeAllocating() {
        // Magic, then a descriptor with an 8-byte content size and a single segment, 2^40, then
        // one empty raw block marked last.
        byte[] frame = HexFormat.of().parseHex("28b52ffd" + "e0" + "0000000000010000" + "010000");
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> Compression.ZSTD.codec().decode(frame, 0, frame.length, 4096));
        assertEquals("ZSTD frame declares 1099511627776 decoded bytes, expected 4096", e.getMessage());
    }

    @Test
    void rejectsAZstdFrameClaimingLessThanExpected() {
        byte[] frame = Compression.ZSTD.codec().encode(new byte[100], 0, 100, 3);
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> Compression.ZSTD.codec().decode(frame, 0, frame.length, 4096));
        assertEquals("ZSTD data too short: expected 4096 decoded bytes, found 100", e.getMessage());
    }

    @Test
    void rejectsBytesThatAreNoZstdFrame() {
        byte[] junk = "not a zstd frame".getBytes();
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> Compression.ZSTD.codec().decode(junk, 0, junk.length, 10));
        assertTrue(e.getMessage().startsWith("corrupt ZSTD data"), e.getMessage());
    }

    @Test
    void rejectsBytesThatAreNoZlibStream() {
        byte[] junk = "not a zlib stream".getBytes();
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> Compression.DEFLATE.codec().decode(junk, 0, junk.length, 10));
        assertTrue(e.getMessage().startsWith("corrupt deflate data (expected a zlib stream of 10 decoded bytes)"),
                e.getMessage());
    }

    @Test
    void rejectsAnUncompressedChunkShorterThanExpected() {
        assertEquals("uncompressed chunk too short: expected 10 bytes, found 9", assertThrows(
                MalformedFileException.class, () -> Compression.NONE.codec().decode(new byte[9], 0, 9, 10))
                .getMessage());
    }

    @Test
    void stopsBombsAtTheExpectedLengthWithoutAllocatingMore() {
        byte[] zeros = new byte[20_000_000];
        for (Compression compression : Compression.values()) {
            Codec codec = compression.codec();
            byte[] bomb = codec.encode(zeros, 0, zeros.length, compression.defaultLevel());
            if (compression == Compression.ZSTD) {
                // A frame that declares its size is refused outright; see the test above.
                continue;
            }
            codec.decode(bomb, 0, bomb.length, CHUNK);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            byte[] decoded = codec.decode(bomb, 0, bomb.length, CHUNK);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertArrayEquals(new byte[CHUNK], decoded, compression.toString());
            assertTrue(allocated < CHUNK + 40_000, compression + " allocated " + allocated + " bytes");
        }
    }

    @Test
    void stopsALzwStreamOfEverLongerStringsAtTheExpectedLength() {
        // Each code is the entry just being defined: strings of 1, 2, 3 ... 3800 bytes.
        int[] codes = new int[3802];
        codes[0] = 256;
        codes[1] = 'x';
        for (int i = 2; i < codes.length; i++) {
            codes[i] = 256 + i;
        }
        byte[] stream = LzwCodes.pack(codes);
        byte[] expected = new byte[CHUNK];
        Arrays.fill(expected, (byte) 'x');
        assertArrayEquals(expected, Compression.LZW.codec().decode(stream, 0, stream.length, CHUNK));
    }
}
