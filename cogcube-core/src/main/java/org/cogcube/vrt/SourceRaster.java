package org.cogcube.vrt;

import java.util.concurrent.CompletableFuture;
import org.cogcube.cog.GeoTiff;
import org.cogcube.raster.Raster;
import org.cogcube.raster.SampleType;
import org.cogcube.raster.Window;

/** An opened source raster, a GeoTIFF or a nested VRT, read at full resolution. */
interface SourceRaster extends AutoCloseable {

    String location();

    int width();

    int height();

    int bandCount();

    SampleType type();

    /** Whether GDAL could read a reduced resolution of it instead of the full one. */
    boolean hasOverviews();

    /** Reads a window of some bands (0-based). */
    CompletableFuture<Raster> read(Window window, int[] bands);

    @Override
    void close();

    static SourceRaster of(GeoTiff tiff) {
        return new SourceRaster() {
            @Override
            public String location() {
                return tiff.location();
            }

            @Override
            public int width() {
                return tiff.grid().width();
            }

            @Override
            public int height() {
                return tiff.grid().height();
            }

            @Override
            public int bandCount() {
                return tiff.bandCount();
            }

            @Override
            public SampleType type() {
                return tiff.type();
            }

            @Override
            public boolean hasOverviews() {
                return tiff.levelCount() > 1;
            }

            @Override
            public CompletableFuture<Raster> read(Window window, int[] bands) {
                return tiff.readAsync(window, 0, bands);
            }

            @Override
            public void close() {
                tiff.close();
            }
        };
    }

    static SourceRaster of(Vrt vrt) {
        return new SourceRaster() {
            @Override
            public String location() {
                return vrt.location();
            }

            @Override
            public int width() {
                return vrt.grid().width();
            }

            @Override
            public int height() {
                return vrt.grid().height();
            }

            @Override
            public int bandCount() {
                return vrt.bandCount();
            }

            @Override
            public SampleType type() {
                return vrt.type();
            }

            /** Always: GDAL gives a VRT virtual overviews (an OverviewList, or its sources' overviews). */
            @Override
            public boolean hasOverviews() {
                return true;
            }

            @Override
            public CompletableFuture<Raster> read(Window window, int[] bands) {
                return vrt.paintAsync(window, bands, vrt.nodata(bands[0]));
            }

            @Override
            public void close() {
                vrt.close();
            }
        };
    }
}
