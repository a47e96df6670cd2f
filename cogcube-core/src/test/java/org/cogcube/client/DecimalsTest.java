package org.cogcube.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;

/** Doubles print as Python's repr prints them. */
class DecimalsTest {

    @Test
    void printsDoublesAsPythonsRepr() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 1e-4, 1e-5, 1.5e-5, 123456789.0,
                1e15, 1e16, 1.2345e16, 9007199254740993.0, 5e-324, Double.MAX_VALUE, Double.MIN_NORMAL, 0.3,
                2.0 / 3, 1e22, 1e23, 8.41e21, 5.0e-324 * 3, Math.PI * 1e-7, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, (double) 0.1f, 1087.5, 17.449928366615147));
        Random random = new Random(20181231);
        for (int i = 0; i < 300; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add((double) Float.intBitsToFloat(random.nextInt()));
            values.add(Math.pow(2, random.nextInt(200) - 100));
            values.add(random.nextInt(100000) / 1000.0);
        }
        StringBuilder hex = new StringBuilder();
        for (double v : values) {
            hex.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
        }
        String python = Gdal.output(Gdal.PYTHON, "-c", "import struct, sys\n"
                + "for h in sys.argv[1].split():\n"
                + "    print(repr(struct.unpack('>d', int(h, 16).to_bytes(8, 'big'))[0]))", hex.toString().strip());
        List<String> expected = python.lines().toList();
        for (int i = 0; i < values.size(); i++) {
            assertEquals(expected.get(i), Decimals.repr(values.get(i)), "bits " + Long.toHexString(
                    Double.doubleToRawLongBits(values.get(i))));
        }
    }
}
