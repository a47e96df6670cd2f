package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Samples;

/** Halving by 2 x 2 integer means gives exactly what GDAL's weighted AVERAGE rule gives. */
class DownsamplerProperties {

    @Property(tries = 200, seed = "20261124")
    void halvingEqualsTheWeightedRule(@ForAll("smallIntegers") SampleType type,
            @ForAll @IntRange(min = 1, max = 40) int dstWidth, @ForAll boolean withNodata,
            @ForAll @IntRange(min = 0, max = 3) int nodataEvery, @ForAll long seed) {
        Random random = new Random(seed);
        int srcWidth = 2 * dstWidth;
        // A nodata value inside the type's range, present in some pixels (nodataEvery = 0: none).
        double nodata = withNodata ? type.minValue() + random.nextInt((int) (type.maxValue() - type.minValue()) + 1)
                : 0;
        RowBuffer rows = new RowBuffer(1);
        for (int y = 0; y < 2; y++) {
            byte[] row = new byte[srcWidth * type.bytes()];
            random.nextBytes(row);
            for (int x = 0; x < srcWidth; x++) {
                if (withNodata && nodataEvery > 0 && random.nextInt(nodataEvery + 1) == 0) {
                    Samples.put(type, row, x, nodata);
                }
            }
            rows.append(new ByteBuffer[] {ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN)});
        }
        Downsampler down = new Downsampler(type, Resampling.AVERAGE, srcWidth, 2, dstWidth, 1, nodata, withNodata);
        assertArrayEquals(down.weightedRow(rows, 0, 0), down.row(rows, 0, 0));
    }

    @Provide
    Arbitrary<SampleType> smallIntegers() {
        return Arbitraries.of(SampleType.UINT8, SampleType.INT8, SampleType.UINT16, SampleType.INT16);
    }
}
