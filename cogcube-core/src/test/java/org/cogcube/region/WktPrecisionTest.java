package org.cogcube.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;

/** What a pixel coordinate becomes after OGR writes it as WKT and reads it back. */
class WktPrecisionTest {

    @Test
    void keepsFifteenSignificantDigitsFromOneUp() {
        assertEquals(3.0, WktPrecision.roundTrip(3.0000000000000004));
        assertEquals(123.456789012346, WktPrecision.roundTrip(123.45678901234567));
        assertEquals(2.50000000000728, WktPrecision.roundTrip(2.500000000007276));
        assertEquals(-42.5, WktPrecision.roundTrip(-42.49999999999999));
    }

    @Test
    void keepsFifteenDecimalsBelowOneAndDropsTrailingNoise() {
        assertEquals(0.3, WktPrecision.roundTrip(0.30000000000000004));
        assertEquals(0.3, WktPrecision.roundTrip(0.29999999999999993));
        assertEquals(0.123456789012345, WktPrecision.roundTrip(0.1234567890123451));
        assertEquals(-0.5, WktPrecision.roundTrip(-0.49999999999999994));
        assertEquals(0.0, WktPrecision.roundTrip(1e-17));
    }

    @Test
    void trimsRunsOfZerosAndNinesLikeOgr() {
        assertEquals("0.10000000000000", WktPrecision.trimNoise("0.100000000000001"));
        assertEquals("0.1234560", WktPrecision.trimNoise("0.123456000000012"));
        assertEquals("0.300000000", WktPrecision.trimNoise("0.299999999999998"));
        assertEquals("1.000000000", WktPrecision.trimNoise("0.999999999999999"));
        assertEquals("0.123456789012345", WktPrecision.trimNoise("0.123456789012345"));
    }

    @Test
    void roundTripsLikeOgrForThousandsOfPixelCoordinates() throws java.io.IOException {
        java.util.Random random = new java.util.Random(5);
        StringBuilder values = new StringBuilder();
        List<Double> inputs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double base = Math.floor((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(7))) / 2;
            double noise = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> Math.ulp(base) * (random.nextInt(9) - 4);
                case 2 -> (random.nextDouble() - 0.5) * 1e-12;
                default -> random.nextDouble() - 0.5;
            };
            double v = base + noise;
            inputs.add(v);
            values.append(Double.toString(v)).append('\n');
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("wkt-precision", ".txt");
        try {
            java.nio.file.Files.writeString(file, values);
            String[] written = Gdal.output(Gdal.PYTHON, "-c", """
                    import sys
                    from osgeo import ogr
                    for line in open(sys.argv[1]):
                        wkt = ogr.CreateGeometryFromWkt("POINT (%s 0.25)" % line.strip()).ExportToWkt()
                        print(repr(float(wkt[7:-1].split()[0])))
                    """, file.toString()).strip().split("\n");
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(Double.parseDouble(written[i]), WktPrecision.roundTrip(inputs.get(i)),
                        "OGR's WKT of " + inputs.get(i));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void integerPairsAreWrittenExactly() {
        assertEquals(true, WktPrecision.isIntegerPair(3, -7));
        assertEquals(false, WktPrecision.isIntegerPair(3, 0.5));
    }
}
