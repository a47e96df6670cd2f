package org.cogcube.tiff.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cogcube.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

class CompressionTest {
    private static final String SUPPORTED =
            "supported: NONE (1), LZW (5), DEFLATE (8), PACKBITS (32773), ADOBE_DEFLATE (32946), ZSTD (50000)";

    @Test
    void findsEachSchemeByItsTiffCode() {
        for (Compression c : Compression.values()) {
            assertSame(c, Compression.of(c.code()));
        }
        assertEquals(50000, Compression.ZSTD.code());
        assertEquals(32946, Compression.ADOBE_DEFLATE.code());
    }

    @Test
    void namesAKnownSchemeItDoesNotImplement() {
        assertEquals("unsupported TIFF compression 7 (JPEG); " + SUPPORTED,
                assertThrows(UnsupportedFeatureException.class, () -> Compression.of(7)).getMessage());
        assertEquals("unsupported TIFF compression 34887 (LERC); " + SUPPORTED,
                assertThrows(UnsupportedFeatureException.class, () -> Compression.of(34887)).getMessage());
    }

    @Test
    void saysWhenACodeIsNoTiffScheme() {
        assertEquals("unsupported TIFF compression 12345 (not a known TIFF compression code); " + SUPPORTED,
                assertThrows(UnsupportedFeatureException.class, () -> Compression.of(12345)).getMessage());
    }

    @Test
    void readsBothDeflateCodesWithOneCodec() {
        assertSame(Compression.DEFLATE.codec(), Compression.ADOBE_DEFLATE.codec());
    }

    @Test
    void defaultsToGdalsLevels() {
        assertEquals(6, Compression.DEFLATE.defaultLevel());
        assertEquals(6, Compression.ADOBE_DEFLATE.defaultLevel());
        assertEquals(9, Compression.ZSTD.defaultLevel());
        assertEquals(0, Compression.LZW.defaultLevel());
    }

    @Test
    void rejectsLevelsOutsideTheCodecsRange() {
        byte[] data = new byte[10];
        assertEquals("DEFLATE level must be 1 to 9, found 10", assertThrows(IllegalArgumentException.class,
                () -> Compression.DEFLATE.codec().encode(data, 0, 10, 10)).getMessage());
        assertEquals("ZSTD level must be 1 to 22, found 0", assertThrows(IllegalArgumentException.class,
                () -> Compression.ZSTD.codec().encode(data, 0, 10, 0)).getMessage());
    }
}
