package org.cogcube.tiff.codec;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.raster.SampleType;
import org.junit.jupiter.api.Test;

class PredictorTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void findsEachPredictorByItsTiffCode() {
        for (Predictor p : Predictor.values()) {
            assertSame(p, Predictor.of(p.code()));
        }
        assertEquals("unsupported TIFF predictor 4; supported: NONE (1), HORIZONTAL (2), FLOATING_POINT (3)",
                assertThrows(UnsupportedFeatureException.class, () -> Predictor.of(4)).getMessage());
    }

    @Test
    void differencesBytesWithAStrideOfOnePixel() {
        byte[] rgb = HEX.parseHex("0a141e" + "0b161b" + "ff0000");
        Predictor.HORIZONTAL.encode(rgb, 0, 3, 1, 3, SampleType.UINT8, LITTLE_ENDIAN);
        assertArrayEquals(HEX.parseHex("0a141e" + "0102fd" + "f4eae5"), rgb);
    }

    @Test
    void differences16BitSamplesInTheFilesByteOrder() {
        // 0x01ff then 0x0200: the difference 1 carries across bytes, in either order.
        byte[] big = HEX.parseHex("01ff0200");
        Predictor.HORIZONTAL.encode(big, 0, 2, 1, 1, SampleType.UINT16, BIG_ENDIAN);
        assertArrayEquals(HEX.parseHex("01ff0001"), big);
        byte[] little = HEX.parseHex("ff010002");
        Predictor.HORIZONTAL.encode(little, 0, 2, 1, 1, SampleType.UINT16, LITTLE_ENDIAN);
        assertArrayEquals(HEX.parseHex("ff010100"), little);
    }

    @Test
    void restartsDifferencesOnEachRow() {
        byte[] rows = HEX.parseHex("0507" + "0a0b");
        Predictor.HORIZONTAL.encode(rows, 0, 2, 2, 1, SampleType.INT8, LITTLE_ENDIAN);
        assertArrayEquals(HEX.parseHex("0502" + "0a01"), rows);
    }

    @Test
    void splitsFloatsIntoBytePlanesMostSignificantFirst() {
        // 1.0f = 3f800000, 2.0f = 40000000: planes 3f 40 | 80 00 | 00 00 | 00 00, then bytewise
        // differences: 3f 01 40 80 00 00 00 00.
        byte[] expected = HEX.parseHex("3f01408000000000");
        for (ByteOrder order : new ByteOrder[] {LITTLE_ENDIAN, BIG_ENDIAN}) {
            byte[] row = ByteBuffer.allocate(8).order(order).putFloat(1f).putFloat(2f).array();
            Predictor.FLOATING_POINT.encode(row, 0, 2, 1, 1, SampleType.FLOAT32, order);
            assertArrayEquals(expected, row, order.toString());
        }
    }

    @Test
    void differencesFloatPlanesWithAStrideOfSamplesPerPixel() {
        // Two pixels of two bands: planes 3f 40 3f 40 | 80 00 80 00 | 0..., stride 2.
        byte[] row = ByteBuffer.allocate(16).order(LITTLE_ENDIAN).putFloat(1f).putFloat(2f).putFloat(1f)
                .putFloat(2f).array();
        Predictor.FLOATING_POINT.encode(row, 0, 2, 1, 2, SampleType.FLOAT32, LITTLE_ENDIAN);
        assertArrayEquals(HEX.parseHex("3f400000" + "41c00000" + "80000000" + "00000000"), row);
    }

    @Test
    void refusesTheFloatingPointPredictorOnIntegers() {
        byte[] data = new byte[8];
        assertEquals("the floating point predictor (3) applies to 32 and 64-bit floats only, found UINT16 samples",
                assertThrows(UnsupportedFeatureException.class, () -> Predictor.FLOATING_POINT.decode(data, 0, 4, 1,
                        1, SampleType.UINT16, LITTLE_ENDIAN)).getMessage());
    }

    @Test
    void acceptsTheHorizontalPredictorOnFloatsAsLibtiffDoes() {
        byte[] data = ByteBuffer.allocate(16).order(BIG_ENDIAN).putDouble(1.5).putDouble(-2.25).array();
        byte[] original = data.clone();
        Predictor.HORIZONTAL.encode(data, 0, 2, 1, 1, SampleType.FLOAT64, BIG_ENDIAN);
        assertEquals(Double.doubleToLongBits(-2.25) - Double.doubleToLongBits(1.5),
                ByteBuffer.wrap(data).getLong(8));
        Predictor.HORIZONTAL.decode(data, 0, 2, 1, 1, SampleType.FLOAT64, BIG_ENDIAN);
        assertArrayEquals(original, data);
    }

    @Test
    void rejectsAChunkLargerThanTheArray() {
        byte[] data = new byte[10];
        assertEquals("chunk of 3 x 2 pixels of 1 UINT16 samples needs 12 bytes from offset 0, array holds 10",
                assertThrows(IllegalArgumentException.class, () -> Predictor.HORIZONTAL.decode(data, 0, 3, 2, 1,
                        SampleType.UINT16, LITTLE_ENDIAN)).getMessage());
    }
}
