package org.cogcube.client;

import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cogcube.catalog.Asset;
import org.cogcube.catalog.MediaTypes;
import org.cogcube.cog.GeoTiff;
import org.cogcube.cog.HeaderCache;
import org.cogcube.geo.GridGeometry;
import org.cogcube.io.RangeReader;
import org.cogcube.raster.Raster;
import org.cogcube.raster.Window;
import org.cogcube.vrt.Vrt;

/**
 * The file of one layer at one date, opened: a GeoTIFF (its header from the cube's header cache
 * when unchanged) or a VRT mosaic. A layer is the file's first band.
 */
sealed interface LayerFile extends AutoCloseable {

    String location();

    GridGeometry grid();

    OptionalDouble nodata();

    /** The first band over a window inside the file's grid. */
    CompletableFuture<Raster> read(Window window);

    @Override
    void close();

    /** What a query keeps of a file once it is closed. */
    record Facts(String location, GridGeometry grid, OptionalDouble nodata) {
    }

    /** Opens an asset's file; VRTs are told by their media type or a {@code .vrt} name. */
    static CompletableFuture<LayerFile> open(Asset asset, Function<String, RangeReader> readers, HeaderCache headers,
            Consumer<String> warnings) {
        String location = asset.href().toString();
        if (isVrt(asset)) {
            return Vrt.openAsync(location, readers, warnings, headers).thenApply(Mosaic::new);
        }
        RangeReader reader;
        try {
            reader = readers.apply(location);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return GeoTiff.openAsync(reader, warnings, headers).<LayerFile>thenApply(Tiff::new)
                .whenComplete((file, failure) -> {
                    if (failure != null) {
                        reader.close();
                    }
                });
    }

    private static boolean isVrt(Asset asset) {
        return asset.mediaType().equals(MediaTypes.VRT)
                || MediaTypes.forHref(asset.href()).equals(MediaTypes.VRT);
    }

    /** A GeoTIFF layer file. */
    record Tiff(GeoTiff tiff) implements LayerFile {
        @Override
        public String location() {
            return tiff.location();
        }

        @Override
        public GridGeometry grid() {
            return tiff.grid();
        }

        @Override
        public OptionalDouble nodata() {
            return tiff.nodata();
        }

        @Override
        public CompletableFuture<Raster> read(Window window) {
            return tiff.readAsync(window, 0, 0);
        }

        @Override
        public void close() {
            tiff.close();
        }
    }

    /** A VRT mosaic layer file. */
    record Mosaic(Vrt vrt) implements LayerFile {
        @Override
        public String location() {
            return vrt.location();
        }

        @Override
        public GridGeometry grid() {
            return vrt.grid();
        }

        @Override
        public OptionalDouble nodata() {
            return vrt.nodata(0);
        }

        @Override
        public CompletableFuture<Raster> read(Window window) {
            return vrt.readAsync(window, 0);
        }

        @Override
        public void close() {
            vrt.close();
        }
    }
}
