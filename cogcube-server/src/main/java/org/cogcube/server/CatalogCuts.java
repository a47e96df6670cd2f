package org.cogcube.server;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cogcube.CogcubeException;
import org.cogcube.MalformedFileException;
import org.cogcube.catalog.Catalog;
import org.cogcube.catalog.Catalogs;
import org.cogcube.catalog.ReadOptions;
import org.cogcube.client.CutService;
import org.cogcube.subset.CatalogCutRequest;
import org.cogcube.subset.CutRequest;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Turns a catalogue's query ({@link CatalogCutRequest}) into the request for its files
 * ({@link CutRequest}): the catalogue is looked up as a request for its path would be
 * ({@link SafePaths}), read through one open version, parsed as found at its URL on this server (so
 * that its relative hrefs name files here), and its files picked as a client picks them
 * ({@link CutService#files}). Parsed catalogues are kept by version (the ETag a {@code GET} of the
 * catalogue gives), so a query asked again reads only the catalogue's metadata; a replaced
 * catalogue is read afresh.
 */
final class CatalogCuts {
    /** The largest catalogue read. */
    static final int MAX_CATALOG_BYTES = 64 << 20;
    /** How many parsed catalogues are kept. */
    private static final int KEPT = 32;

    private final SafePaths paths;
    private final Map<String, Catalog> parsed = new ConcurrentHashMap<>();

    CatalogCuts(SafePaths paths) {
        this.paths = paths;
    }

    /**
     * The files' request, and the version of the catalogue it was read from.
     *
     * @param files the cut request for the query's files of this server
     * @param catalogEtag the catalogue's strong ETag, quotes included
     */
    record Resolved(CutRequest files, String catalogEtag) {
    }

    /** Why a catalogue's query is not answered: the status, and a one-line reason (none: the static path's bare error). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String reason;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
            this.reason = reason;
        }
    }

    /**
     * Resolves {@code request} received at {@code endpoint} (the URL the client named, which places
     * the catalogue's hrefs).
     */
    Resolved resolve(CatalogCutRequest request, URI endpoint) throws Refused {
        SafePaths.Found found;
        try {
            found = paths.find("/" + request.catalog());
        } catch (SafePaths.Refused refused) {
            throw new Refused(refused.status, null);
        } catch (NoSuchFileException | AccessDeniedException gone) {
            throw new Refused(HttpStatus.NOT_FOUND_404, null);
        } catch (IOException e) {
            throw new Refused(HttpStatus.INTERNAL_SERVER_ERROR_500, "cannot look up the catalogue: " + e);
        }
        if (found.identity().directory()) {
            throw new Refused(HttpStatus.NOT_FOUND_404, null);
        }
        if (!ContentTypes.catalogue(found.path().getFileName().toString())) {
            throw new Refused(HttpStatus.BAD_REQUEST_400, "parameter catalog: expected a .json catalogue");
        }
        String url = endpoint.resolve("/" + request.catalog()).toString();
        Catalog catalog;
        String etag;
        try (FileVersion version = FileVersion.open(found.path(), found.identity())) {
            etag = version.etag;
            catalog = parsed(version, url, request.layerNames());
        } catch (NoSuchFileException | AccessDeniedException gone) {
            throw new Refused(HttpStatus.NOT_FOUND_404, null);
        } catch (IOException e) {
            throw new Refused(HttpStatus.INTERNAL_SERVER_ERROR_500, "cannot read the catalogue: " + e);
        } catch (MalformedFileException e) {
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY_422, "cannot read the catalogue: " + e.getMessage());
        }
        List<String> files;
        try {
            files = CutService.files(catalog, request, endpoint);
        } catch (CogcubeException e) {
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY_422, "the query does not fit the catalogue: "
                    + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new Refused(HttpStatus.UNPROCESSABLE_ENTITY_422, "none of the query's files is served here");
        }
        if (files.size() > CutRequest.MAX_FILES) {
            throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE_413, "the query reads " + files.size() + " files, at most "
                    + CutRequest.MAX_FILES + " are cut in one request; ask for fewer dates");
        }
        return new Resolved(new CutRequest(files, request.region(), request.allTouched()), etag);
    }

    /** The catalogue of one version as found at {@code url}, parsed once. */
    private Catalog parsed(FileVersion version, String url, List<String> layerNames) throws IOException {
        String key = version.path + "\n" + version.etag + "\n" + url + "\n" + layerNames;
        Catalog kept = parsed.get(key);
        if (kept != null) {
            return kept;
        }
        if (version.size > MAX_CATALOG_BYTES) {
            throw new MalformedFileException(url + ": the catalogue is " + version.size + " bytes (expected at most "
                    + MAX_CATALOG_BYTES + ")");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) version.size);
        while (bytes.hasRemaining()) {
            if (version.channel.read(bytes, bytes.position()) < 0) {
                throw new EOFException(version.path + " ended at byte " + bytes.position() + " of " + version.size);
            }
        }
        Catalog catalog = Catalogs.read(bytes.array(), url, ReadOptions.defaults().withLayerNames(layerNames));
        if (parsed.size() >= KEPT) {
            parsed.clear();
        }
        parsed.put(key, catalog);
        return catalog;
    }

    /**
     * The answer of a catalogue's query: the files' answer under an ETag that also names the
     * catalogue's version, so that it changes when the catalogue is replaced as when a file is.
     */
    static CutService.Answer answer(CutService.Answer files, String catalogEtag) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        digest.update((catalogEtag + "\n" + files.etag()).getBytes(StandardCharsets.UTF_8));
        return new CutService.Answer(files.body(), "\"cat-" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"");
    }
}
