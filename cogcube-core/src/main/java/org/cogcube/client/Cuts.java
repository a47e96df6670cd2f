package org.cogcube.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cogcube.geo.GridGeometry;
import org.cogcube.region.Cutline;
import org.cogcube.region.Region;

/**
 * The cutlines of one query, one per grid: the layers of a cube share a few grids (one per
 * resolution), so the region is brought to each grid and rasterised once. Thread-safe.
 */
final class Cuts {
    private final Region region;
    private final boolean allTouched;
    private final Map<GridGeometry, Cutline> byGrid = new ConcurrentHashMap<>();

    Cuts(Region region, boolean allTouched) {
        this.region = region;
        this.allTouched = allTouched;
    }

    /**
     * The cut of a grid, as gdalwarp -cutline -crop_to_cutline makes it.
     *
     * @throws org.cogcube.RegionOutsideException if the region shares no point with the grid
     */
    Cutline of(GridGeometry grid) {
        return byGrid.computeIfAbsent(grid, g -> {
            CutRegion r = CutRegion.of(region, g);
            return Cutline.of(r.mask(), r.crop(), g, allTouched);
        });
    }
}
