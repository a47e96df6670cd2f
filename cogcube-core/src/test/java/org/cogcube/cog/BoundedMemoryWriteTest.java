package org.cogcube.cog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cogcube.testing.CogValidation;
import org.cogcube.testing.CommandResult;
import org.cogcube.testing.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer streams: an image whose raw pixels are several times the heap is written in a JVM
 * with a small heap, and the result is a valid COG with the right pixels. (The 20000 x 20000
 * uint16 with -Xmx1g case is run by bench/.)
 */
class BoundedMemoryWriteTest {

    @TempDir
    Path dir;

    @Test
    void writesAnImageTwiceAsLargeAsTheHeap() {
        int size = 10000; // 200 MB of uint16 pixels, written with a 96 MB heap
        Path out = dir.resolve("big.tif");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CommandResult run = Gdal.execute(Map.of(), java.time.Duration.ofMinutes(5), javaBin, "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), SyntheticSource.class.getName(), out.toString(),
                Integer.toString(size));
        assertEquals(0, run.exitCode(), run.toString());
        CogValidation v = Gdal.validateCog(out);
        assertTrue(v.valid(), v.output());
        for (int[] at : List.of(new int[] {0, 0}, new int[] {4999, 7100}, new int[] {9990, 9990})) {
            double[] got = Gdal.readWindow(out.toString(), 1, at[0], at[1], 10, 10, -1);
            for (int i = 0; i < got.length; i++) {
                assertEquals(SyntheticSource.value(at[0] + i % 10, at[1] + i / 10), got[i], 0.0,
                        "pixel " + (at[0] + i % 10) + "," + (at[1] + i / 10));
            }
        }
    }
}
