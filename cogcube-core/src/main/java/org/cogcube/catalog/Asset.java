package org.cogcube.catalog;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.cogcube.geo.GridGeometry;

/**
 * The file of one layer at one date.
 *
 * @param layer the layer's name
 * @param href the file's absolute URI ({@code file:} for a local file, {@code http(s):} for a remote one)
 * @param mediaType the file's media type (see {@link MediaTypes})
 * @param grid the file's grid when it is not the catalogue's uniform one ({@link Catalog#gridOf} gives the
 *     grid in either case)
 * @param band the file's raster band when it is not its layer's ({@link Catalog#bandOf} gives it in either case)
 */
public record Asset(String layer, URI href, String mediaType, Optional<GridGeometry> grid,
        Optional<RasterBand> band) {

    public Asset {
        Layer.checkName(layer);
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(band, "band");
        if (!href.isAbsolute()) {
            throw new IllegalArgumentException("expected an absolute URI for the asset of layer " + layer + ", found '"
                    + href + "'");
        }
    }

    /** The asset of a layer at a URI, its media type guessed from the extension, grid and band from the catalogue. */
    public static Asset of(String layer, URI href) {
        return new Asset(layer, href, MediaTypes.forHref(href), Optional.empty(), Optional.empty());
    }

    public Asset withGrid(GridGeometry value) {
        return new Asset(layer, href, mediaType, Optional.of(value), band);
    }

    public Asset withBand(RasterBand value) {
        return new Asset(layer, href, mediaType, grid, Optional.of(value));
    }

    public Asset withMediaType(String value) {
        return new Asset(layer, href, value, grid, band);
    }
}
