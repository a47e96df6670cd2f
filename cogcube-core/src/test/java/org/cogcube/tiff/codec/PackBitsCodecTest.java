package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.cogcube.MalformedFileException;
import org.junit.jupiter.api.Test;

class PackBitsCodecTest {
    private static final Codec PACKBITS = Compression.PACKBITS.codec();
    private static final HexFormat HEX = HexFormat.of();

    /** The example of the TIFF 6.0 specification, section 9. */
    private static final byte[] SPEC_PACKED = HEX.parseHex("FEAA" + "0280002A" + "FDAA" + "0380002A22" + "F7AA");
    private static final byte[] SPEC_UNPACKED = HEX.parseHex("AAAAAA80002AAAAAAAAA80002A22AAAAAAAAAAAAAAAAAAAA");

    @Test
    void decodesTheSpecificationExample() {
        assertArrayEquals(SPEC_UNPACKED, PACKBITS.decode(SPEC_PACKED, 0, SPEC_PACKED.length, SPEC_UNPACKED.length));
    }

    @Test
    void encodesTheSpecificationExampleAsCompactly() {
        byte[] packed = PACKBITS.encode(SPEC_UNPACKED, 0, SPEC_UNPACKED.length, 0);
        assertEquals(SPEC_PACKED.length, packed.length);
        assertArrayEquals(SPEC_UNPACKED, PACKBITS.decode(packed, 0, packed.length, SPEC_UNPACKED.length));
    }

    @Test
    void skipsTheNoOpHeader() {
        byte[] packed = HEX.parseHex("80FF0780");
        assertArrayEquals(HEX.parseHex("0707"), PACKBITS.decode(packed, 0, packed.length, 2));
    }

    @Test
    void splitsRunsAndLiteralsAt128Bytes() {
        byte[] runs = new byte[300];
        assertArrayEquals(HEX.parseHex("8100" + "8100" + "D500"), PACKBITS.encode(runs, 0, 300, 0));
        byte[] literals = Content.RANDOM.make(300, 3);
        byte[] packed = PACKBITS.encode(literals, 0, 300, 0);
        assertEquals(300 + 3, packed.length);
        assertArrayEquals(literals, PACKBITS.decode(packed, 0, packed.length, 300));
    }

    @Test
    void cutsRunsLongerThanExpected() {
        byte[] packed = HEX.parseHex("810702010203");
        assertArrayEquals(HEX.parseHex("07070707"), PACKBITS.decode(packed, 0, packed.length, 4));
    }

    @Test
    void rejectsATruncatedLiteral() {
        byte[] packed = HEX.parseHex("0501020304");
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> PACKBITS.decode(packed, 0, packed.length, 6));
        assertEquals("PackBits data truncated: a literal run of 6 bytes at input byte 0 has only 4 bytes left",
                e.getMessage());
    }

    @Test
    void rejectsDataShorterThanExpected() {
        byte[] packed = HEX.parseHex("FE07");
        MalformedFileException e = assertThrows(MalformedFileException.class,
                () -> PACKBITS.decode(packed, 0, packed.length, 4));
        assertEquals("PackBits data too short: expected 4 decoded bytes, found 3 after all 2 input bytes",
                e.getMessage());
    }
}
