package org.cogcube.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cogcube.geo.Crs;
import org.cogcube.geo.GridGeometry;
import org.cogcube.testing.Landsat;

/** The Landsat 7 scene as a cube: WGS84 / UTM 25S at 30 m over the scene and a little beyond. */
final class LandsatCube {
    static final double[] BOUNDS = {288750, 9110700, 298740, 9120780};
    static final GridGeometry GRID = CubeGrid.grid(Crs.epsg(32725), 30, 30, BOUNDS);
    static final LocalDate DATE = LocalDate.parse("2018-01-02");

    private LandsatCube() {
    }

    /** Layers B1..B6, each band {@code i} of the scene. */
    static Map<String, List<Input>> bands() {
        Map<String, List<Input>> layers = new LinkedHashMap<>();
        for (int b = 1; b <= 6; b++) {
            layers.put("B" + b, List.of(new Input(Landsat.scene().toString(), b)));
        }
        return layers;
    }

    static Path create(Path dir) {
        CubeGrid.create(dir, GRID);
        return dir;
    }
}
