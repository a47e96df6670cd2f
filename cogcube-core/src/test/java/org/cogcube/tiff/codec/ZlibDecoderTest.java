package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cogcube.MalformedFileException;
import org.junit.jupiter.api.Test;

/**
 * Our deflate decoder reads every kind of block zlib writes, stops where the caller's output
 * ends, and refuses each way a stream can break the rules of RFC 1950 and RFC 1951.
 */
class ZlibDecoderTest {
    private static final Codec DEFLATE = Compression.DEFLATE.codec();

    @Property(tries = 200, seed = "20240701")
    void decodesWhatZlibWritesAtEveryLevelAndStrategy(@ForAll @IntRange(max = 9) int level,
            @ForAll @IntRange(max = 2) int strategy, @ForAll Content content,
            @ForAll @IntRange(max = 200_000) int size, @ForAll long seed) {
        byte[] data = content.make(size, seed);
        byte[] stream = zlib(data, level, strategy);
        assertArrayEquals(data, DEFLATE.decode(stream, 0, stream.length, size));
    }

    @Property(tries = 200, seed = "20240702")
    void decodesTheFirstBytesOfAStreamWhenAskedForFewer(@ForAll Content content,
            @ForAll @IntRange(min = 1, max = 100_000) int size, @ForAll @IntRange(max = 1000) int keptPerMille,
            @ForAll long seed) {
        byte[] data = content.make(size, seed);
        byte[] stream = zlib(data, 4, Deflater.DEFAULT_STRATEGY);
        int wanted = (int) ((long) size * keptPerMille / 1000);
        assertArrayEquals(Arrays.copyOf(data, wanted), DEFLATE.decode(stream, 0, stream.length, wanted));
    }

    @Property(tries = 200, seed = "20240703")
    void decodesWhatZlibWritesIntoTheStartOfALongerUsedArray(@ForAll @IntRange(max = 9) int level,
            @ForAll @IntRange(max = 2) int strategy, @ForAll Content content,
            @ForAll @IntRange(max = 100_000) int size, @ForAll @IntRange(max = 1000) int keptPerMille,
            @ForAll @IntRange(max = 2000) int spare, @ForAll long seed) {
        byte[] data = content.make(size, seed);
        byte[] stream = zlib(data, level, strategy);
        int wanted = (int) ((long) size * keptPerMille / 1000);
        byte[] used = Content.RANDOM.make(wanted + spare, seed + 1);
        byte[] rest = Arrays.copyOfRange(used, wanted, used.length);
        DEFLATE.decodeInto(stream, 0, stream.length, used, wanted);
        assertArrayEquals(Arrays.copyOf(data, wanted), Arrays.copyOf(used, wanted));
        assertArrayEquals(rest, Arrays.copyOfRange(used, wanted, used.length), "wrote past the wanted bytes");
    }

    @Test
    void decodesStoredFixedAndDynamicBlocks() {
        byte[] tiny = "cogcube cogcube cogcube".getBytes();
        byte[] stored = zlib(tiny, Deflater.NO_COMPRESSION, Deflater.DEFAULT_STRATEGY);
        byte[] fixed = zlib(tiny, 6, Deflater.DEFAULT_STRATEGY);
        byte[] ramp = Content.RAMP.make(50_000, 1);
        byte[] dynamic = zlib(ramp, 6, Deflater.DEFAULT_STRATEGY);
        assertEquals(0, blockType(stored));
        assertEquals(1, blockType(fixed));
        assertEquals(2, blockType(dynamic));
        assertArrayEquals(tiny, DEFLATE.decode(stored, 0, stored.length, tiny.length));
        assertArrayEquals(tiny, DEFLATE.decode(fixed, 0, fixed.length, tiny.length));
        assertArrayEquals(ramp, DEFLATE.decode(dynamic, 0, dynamic.length, ramp.length));
    }

    @Test
    void acceptsAStreamWithoutItsChecksum() {
        byte[] data = Content.RAMP.make(10_000, 2);
        byte[] stream = zlib(data, 6, Deflater.DEFAULT_STRATEGY);
        assertArrayEquals(data, DEFLATE.decode(stream, 0, stream.length - 4, data.length));
    }

    @Test
    void refusesAWrongChecksum() {
        byte[] data = Content.RAMP.make(10_000, 3);
        byte[] stream = zlib(data, 6, Deflater.DEFAULT_STRATEGY);
        stream[stream.length - 1] ^= 1;
        assertMalformed(stream, data.length, "incorrect data check: the stream says Adler-32");
    }

    @Test
    void refusesAPresetDictionary() {
        // FDICT set, and a header check that makes CMF * 256 + FLG a multiple of 31.
        byte[] stream = {0x78, (byte) 0xbb, 0, 0, 0, 1, 3, 0};
        assertMalformed(stream, 10, "the stream asks for a preset dictionary");
    }

    @Test
    void refusesLiteralLengthSymbols286And287() {
        for (int symbol : new int[] {286, 287}) {
            Bits bits = fixedBlock();
            bits.fixedLiteralLength(symbol);
            assertMalformed(bits.zlib(), 10, "invalid literal/length code");
        }
    }

    @Test
    void refusesDistanceSymbols30And31() {
        for (int symbol : new int[] {30, 31}) {
            Bits bits = fixedBlock();
            bits.fixedLiteralLength('a');
            bits.fixedLiteralLength(257);
            bits.reversed(symbol, 5);
            assertMalformed(bits.zlib(), 10, "invalid distance code");
        }
    }

    @Test
    void refusesADistanceBeforeTheStartOfTheOutput() {
        Bits bits = fixedBlock();
        bits.fixedLiteralLength('a');
        bits.fixedLiteralLength(257);
        bits.reversed(1, 5);
        bits.fixedLiteralLength(256);
        assertMalformed(bits.zlib(), 10, "distance 2 too far back, 1 bytes into the output");
    }

    @Test
    void refusesAnOverSubscribedCodeLengthCode() {
        Bits bits = dynamicHeader(257, 1, 19);
        for (int i = 0; i < 19; i++) {
            bits.put(1, 3);
        }
        assertMalformed(bits.zlib(), 10, "over-subscribed code length code");
    }

    @Test
    void refusesAnIncompleteCodeLengthCode() {
        Bits bits = dynamicHeader(257, 1, 4);
        bits.put(2, 3).put(2, 3).put(2, 3).put(0, 3);
        assertMalformed(bits.zlib(), 10, "incomplete code length code");
    }

    @Test
    void refusesAnIncompleteLiteralLengthCode() {
        // A code length code of one bit for lengths 0 and 2 (sent fourth and sixteenth).
        Bits bits = dynamicHeader(257, 1, 16);
        for (int slot = 0; slot < 16; slot++) {
            bits.put(slot == 3 || slot == 15 ? 1 : 0, 3);
        }
        // Three literal/length codes of two bits leave a quarter of the code unused.
        for (int s = 0; s < 258; s++) {
            bits.put(s == 0 || s == 1 || s == 256 ? 1 : 0, 1);
        }
        assertMalformed(bits.zlib(), 10, "incomplete literal/length code");
    }

    @Test
    void refusesTooManyLengthSymbols() {
        assertMalformed(dynamicHeader(287, 1, 4).zlib(), 10, "too many length or distance symbols: 287 and 1");
    }

    @Test
    void refusesARepeatWithNoLengthBeforeIt() {
        Bits bits = dynamicHeader(257, 1, 4);
        // Code length symbols 16, 17, 18 and 0 of two bits each: a complete code.
        bits.put(2, 3).put(2, 3).put(2, 3).put(2, 3);
        bits.reversed(1, 2); // symbol 16, before any length
        assertMalformed(bits.zlib(), 10, "a code length repeat with no length before it");
    }

    @Test
    void refusesAStoredBlockWhoseLengthDisagreesWithItsComplement() {
        byte[] stream = {0x78, 0x01, 0x01, 5, 0, (byte) 0xfa, (byte) 0xfe, 1, 2, 3, 4, 5};
        assertMalformed(stream, 5, "stored block length 5 does not match its complement 65274");
    }

    @Test
    void refusesAStreamThatEndsBeforeTheOutputIsFull() {
        byte[] data = Content.RAMP.make(1000, 4);
        byte[] stream = zlib(data, 6, Deflater.DEFAULT_STRATEGY);
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> DEFLATE.decode(stream, 0, stream.length, 1001));
        assertEquals("deflate data too short: expected 1001 decoded bytes, found 1000 at the end of the stream",
                e.getMessage());
    }

    private static void assertMalformed(byte[] stream, int expectedLength, String reason) {
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> DEFLATE.decode(stream, 0, stream.length, expectedLength));
        String prefix = "corrupt deflate data (expected a zlib stream of " + expectedLength + " decoded bytes): ";
        assertEquals(prefix + reason, e.getMessage().substring(0, Math.min(e.getMessage().length(),
                prefix.length() + reason.length())), e.getMessage());
    }

    static byte[] zlib(byte[] data, int level, int strategy) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setStrategy(strategy);
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The type of a zlib stream's first block: 0 stored, 1 fixed, 2 dynamic Huffman codes. */
    private static int blockType(byte[] stream) {
        return (stream[2] >> 1) & 3;
    }

    private static Bits fixedBlock() {
        return new Bits().put(1, 1).put(1, 2);
    }

    private static Bits dynamicHeader(int literalLengths, int distances, int codeLengths) {
        return new Bits().put(1, 1).put(2, 2).put(literalLengths - 257, 5).put(distances - 1, 5)
                .put(codeLengths - 4, 4);
    }

    /** Deflate data written bit by bit, from the least significant bit of each byte on. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int pending;
        private int count;

        Bits put(int value, int n) {
            for (int i = 0; i < n; i++) {
                pending |= (value >>> i & 1) << count;
                if (++count == 8) {
                    bytes.write(pending);
                    pending = 0;
                    count = 0;
                }
            }
            return this;
        }

        /** A Huffman code, which deflate writes from its most significant bit on. */
        Bits reversed(int code, int length) {
            return put(Integer.reverse(code) >>> (32 - length), length);
        }

        /** A literal/length symbol in the fixed code of RFC 1951, 3.2.6. */
        Bits fixedLiteralLength(int symbol) {
            if (symbol < 144) {
                return reversed(0x30 + symbol, 8);
            } else if (symbol < 256) {
                return reversed(0x190 + symbol - 144, 9);
            } else if (symbol < 280) {
                return reversed(symbol - 256, 7);
            }
            return reversed(0xc0 + symbol - 280, 8);
        }

        /** The bits so far, padded to a byte and behind a zlib header, with 8 zero bytes of slack. */
        byte[] zlib() {
            byte[] body = bytes.toByteArray();
            byte[] stream = new byte[2 + body.length + 1 + 8];
            stream[0] = 0x78;
            stream[1] = 0x01;
            System.arraycopy(body, 0, stream, 2, body.length);
            stream[2 + body.length] = (byte) pending;
            return stream;
        }
    }
}
