package org.cogcube.region;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cogcube.RegionOutsideException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.geo.GeoTransform;
import org.cogcube.geo.GridGeometry;
import org.cogcube.raster.Window;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A grid cut to a region the way {@code gdalwarp -cutline region -crop_to_cutline} (GDAL 3.6) cuts
 * it: a window of the source grid, in source pixel space, and the mask of the pixels kept in it.
 * A pixel outside the mask, or outside the source grid, is nodata in GDAL's output.
 *
 * <p>The window follows {@link CropWindow}'s rules (the pixels wholly inside the region's envelope;
 * for all-touched, every pixel the envelope touches). It may reach past the grid's edges. The mask
 * keeps the pixels whose centre GDAL's rasteriser finds inside the region (see
 * {@link Rasterizer}), or, for all-touched, also every pixel a ring of the region passes through.
 *
 * @param source the grid cut
 * @param column the window's first column, in source pixel space (negative when the region starts
 *     left of the grid)
 * @param row the window's first row, in source pixel space
 * @param width the window's width; 0 when GDAL writes nothing (a region narrower than a pixel)
 * @param height the window's height; 0 when GDAL writes nothing
 * @param allTouched whether pixels touched by the region's rings are kept too
 * @param mask the kept pixels, relative to the window
 */
public record Cutline(GridGeometry source, int column, int row, int width, int height, boolean allTouched,
        PixelMask mask) {

    public Cutline {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mask, "mask");
        if (mask.width() != width || mask.height() != height) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height()
                    + ", expected the window's " + width + "x" + height);
        }
    }

    /**
     * Cuts a grid to a region given in the grid's CRS.
     *
     * @param region a Polygon or MultiPolygon (holes, concave shapes, parts that overlap or lie far
     *     apart are all fine), partly outside the grid or not
     * @param source a north-up grid
     * @param allTouched whether to keep every pixel the region touches, like
     *     {@code -wo CUTLINE_ALL_TOUCHED=TRUE}, rather than those whose centre it contains
     * @throws org.cogcube.InvalidRegionException if the region is empty, not polygonal or invalid
     * @throws RegionOutsideException if the region shares no point with the grid
     * @throws UnsupportedFeatureException if the grid is rotated or not north-up
     */
    public static Cutline of(Geometry region, GridGeometry source, boolean allTouched) {
        Polygonal.check(region, "region");
        return of(region, region.getEnvelopeInternal(), source, allTouched);
    }

    /**
     * Cuts a grid to a region whose window comes from another envelope than the region's own:
     * what gdalwarp does with a cutline in another CRS, which it crops to the envelope of the
     * cutline's vertices transformed one by one, but masks with the cutline densified before it
     * is transformed (so its edges bend as they should). The envelope is in the grid's CRS.
     *
     * @throws org.cogcube.InvalidRegionException if the region is empty, not polygonal or invalid
     * @throws RegionOutsideException if the region shares no point with the grid
     * @throws UnsupportedFeatureException if the grid is rotated or not north-up
     */
    public static Cutline of(Geometry region, Envelope crop, GridGeometry source, boolean allTouched) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(crop, "crop");
        Polygonal.check(region, "region");
        GeoTransform transform = source.transform();
        if (!transform.isNorthUp() || !(transform.xPerColumn() > 0) || !(transform.yPerRow() < 0)) {
            throw new UnsupportedFeatureException("cannot cut a grid that is not north-up: geotransform "
                    + transform + ", expected xPerRow = yPerColumn = 0, xPerColumn > 0 and yPerRow < 0");
        }
        checkOverlap(region, source);
        CropWindow window = CropWindow.of(crop, transform, allTouched);
        PixelMask.Builder kept = new PixelMask.Builder(window.width(), window.height());
        Optional<Window> frame = window.sourceFrame(source.width(), source.height());
        if (frame.isPresent()) {
            Window f = frame.get();
            Canvas canvas = new Canvas(f.width(), f.height());
            List<PixelPolygon> polygons = PixelPolygon.of(region, transform);
            for (PixelPolygon polygon : polygons) {
                Rasterizer.fillCentres(polygon, f.column(), f.row(), canvas);
                if (allTouched) {
                    TouchedEdges.burn(polygon, f.column(), f.row(), canvas);
                }
            }
            for (int y = 0; y < window.height(); y++) {
                for (int x = 0; x < window.width(); x++) {
                    if (canvas.get(window.column() + x - f.column(), window.row() + y - f.row())) {
                        kept.set(x, y);
                    }
                }
            }
        }
        return new Cutline(source, window.column(), window.row(), window.width(), window.height(), allTouched,
                kept.build());
    }

    /**
     * Cuts a grid to a region read from a file ({@link Regions}): all its polygons together.
     *
     * @throws IllegalArgumentException if the region and the grid both name a CRS and they differ
     *     (reproject the region first)
     */
    public static Cutline of(Region region, GridGeometry source, boolean allTouched) {
        if (region.crs().isKnown() && source.crs().isKnown() && !region.crs().equals(source.crs())) {
            throw new IllegalArgumentException("region is in " + region.crs() + " but the grid is in "
                    + source.crs() + ": reproject the region to the grid's CRS first");
        }
        return of(region.geometry(), source, allTouched);
    }

    private static void checkOverlap(Geometry region, GridGeometry source) {
        double[] e = source.envelope();
        Envelope grid = new Envelope(e[0], e[2], e[1], e[3]);
        Envelope envelope = region.getEnvelopeInternal();
        if (!grid.intersects(envelope) || !region.intersects(region.getFactory().toGeometry(grid))) {
            throw new RegionOutsideException("region (envelope " + describe(envelope)
                    + ") shares no point with the grid (envelope " + describe(grid) + ", " + source.crs()
                    + ")");
        }
    }

    private static String describe(Envelope e) {
        return "minX " + e.getMinX() + ", minY " + e.getMinY() + ", maxX " + e.getMaxX() + ", maxY " + e.getMaxY();
    }

    /** The window in source pixel space, unless GDAL would write nothing. */
    public Optional<Window> window() {
        return width == 0 || height == 0 ? Optional.empty() : Optional.of(Window.of(column, row, width, height));
    }

    /** The grid of the cut: the source's transform moved to the window's top-left pixel. */
    public GridGeometry grid() {
        return source.window(column, row, width, height);
    }

    /** The part of the window inside the source grid: what to read. Empty if none. */
    public Optional<Window> sourceWindow() {
        long left = Math.max(column, 0);
        long top = Math.max(row, 0);
        long right = Math.min((long) column + width, source.width());
        long bottom = Math.min((long) row + height, source.height());
        if (right <= left || bottom <= top) {
            return Optional.empty();
        }
        return Optional.of(Window.of((int) left, (int) top, (int) (right - left), (int) (bottom - top)));
    }

    /** Whether the pixel at ({@code column}, {@code row}) of the source grid is kept. */
    public boolean contains(int column, int row) {
        return mask.contains(column - this.column, row - this.row);
    }

    /** Number of kept pixels. */
    public long count() {
        return mask.count();
    }

    /** Whether no pixel is kept (GDAL writes no output at all, or one of nodata only). */
    public boolean isEmpty() {
        return mask.isEmpty();
    }
}
