package org.cogcube.server;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cogcube.CogcubeException;
import org.cogcube.MalformedFileException;
import org.cogcube.SourceException;
import org.cogcube.UnsupportedFeatureException;
import org.cogcube.client.CutService;
import org.cogcube.client.CutTooLargeException;
import org.cogcube.io.FileRangeReader;
import org.cogcube.io.RangeReader;
import org.cogcube.io.RangeReaders;
import org.cogcube.subset.BadParameterException;
import org.cogcube.subset.CatalogCutRequest;
import org.cogcube.subset.CutAnswer;
import org.cogcube.subset.CutRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code GET} and {@code HEAD} of the cut endpoint ({@value CutRequest#PATH}): the pixels of a
 * region in a few files, cut on the server as a client would cut them ({@link CutService}), in one
 * compact body ({@link CutAnswer}). Every file named goes through {@link SafePaths} as a request path
 * would (a refused one gets the status the static path gets, and no reason), and must be a
 * {@code .tif}, {@code .tiff} or {@code .vrt}; a VRT's sources must be servable files too. A
 * request naming a catalogue instead ({@link CatalogCutRequest}) is first turned into the request
 * for its files ({@link CatalogCuts}); its answer carries the catalogue's ETag in
 * {@value CatalogCutRequest#CATALOG_ETAG_HEADER}, and 422 says why a query does not fit the catalogue.
 *
 * <p>Answers: 200 with a strong ETag (the request and the versions of the files read) and
 * {@code Cache-Control: public, no-cache}, or 304 when {@code If-None-Match} names it; 400 naming a
 * malformed parameter; 404 for a file that is not served; 413 beyond the pixel limit; 422 for a file
 * cogcube cannot read. Error bodies are one line of text.
 */
final class CutHandler {
    /** What a browser's script on another origin may read of an answer: its validators. */
    private static final HttpField EXPOSE_HEADERS = new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
            "ETag, " + CatalogCutRequest.CATALOG_ETAG_HEADER);
    private final SafePaths paths;
    private final CutService service;
    private final CatalogCuts catalogs;

    CutHandler(SafePaths paths, long maxPixels) {
        this.paths = paths;
        this.service = new CutService(maxPixels, warning -> { });
        this.catalogs = new CatalogCuts(paths);
    }

    void handle(Request request, Response response, Callback callback, boolean head) {
        String query = request.getHttpURI().getQuery();
        Optional<String> catalogEtag = Optional.empty();
        CutRequest cut;
        try {
            if (CatalogCutRequest.asksCatalog(query)) {
                CatalogCuts.Resolved resolved = catalogs.resolve(CatalogCutRequest.parse(query), endpoint(request));
                cut = resolved.files();
                catalogEtag = Optional.of(resolved.catalogEtag());
            } else {
                cut = CutRequest.parse(query);
            }
        } catch (BadParameterException e) {
            text(response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage(), head);
            return;
        } catch (CatalogCuts.Refused refused) {
            if (refused.reason == null) {
                FileHandler.error(response, callback, refused.status, head);
            } else {
                text(response, callback, refused.status, refused.reason, head);
            }
            return;
        }
        List<Path> files = new ArrayList<>(cut.files().size());
        for (String file : cut.files()) {
            Path path;
            try {
                path = paths.resolve("/" + file);
            } catch (SafePaths.Refused refused) {
                FileHandler.error(response, callback, refused.status, head);
                return;
            }
            if (Files.isDirectory(path)) {
                FileHandler.error(response, callback, HttpStatus.NOT_FOUND_404, head);
                return;
            }
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".tif") || name.endsWith(".tiff") || name.endsWith(".vrt"))) {
                text(response, callback, HttpStatus.BAD_REQUEST_400, "parameter file: expected a .tif, .tiff or"
                        + " .vrt file", head);
                return;
            }
            files.add(path);
        }
        CompletableFuture<CutService.Answer> answer;
        try {
            answer = service.cut(cut, files, this::reader);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        Optional<String> catalog = catalogEtag;
        answer.whenComplete((done, failure) -> {
            if (failure != null) {
                fail(response, callback, failure instanceof CompletionException ? failure.getCause() : failure, head);
            } else {
                send(request, response, callback, catalog.map(c -> CatalogCuts.answer(done, c)).orElse(done), catalog,
                        head);
            }
        });
    }

    /** The endpoint's URL as the client named it: the request's scheme and authority, and the path. */
    private static URI endpoint(Request request) {
        HttpURI uri = request.getHttpURI();
        return URI.create(uri.getScheme() + "://" + uri.getAuthority() + CutRequest.PATH);
    }

    /** Opens a file the cut reads: only servable files under the root, never a URL. */
    private RangeReader reader(String location) {
        Path path;
        try {
            path = switch (RangeReaders.scheme(location)) {
                case "" -> Path.of(location);
                case "file" -> Path.of(java.net.URI.create(location));
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            path = null;
        }
        if (path == null || !paths.servable(path)) {
            throw new NotServed(location);
        }
        return FileRangeReader.open(path);
    }

    /** A file a cut would read that the server does not serve (a VRT's source elsewhere). */
    private static final class NotServed extends CogcubeException {
        private static final long serialVersionUID = 1L;

        NotServed(String location) {
            super("not served: " + location);
        }
    }

    private static void send(Request request, Response response, Callback callback, CutService.Answer answer,
            Optional<String> catalogEtag, boolean head) {
        HttpFields.Mutable out = response.getHeaders();
        out.put(FileHandler.FILE_CACHE);
        out.put(HttpHeader.ETAG, answer.etag());
        out.put(EXPOSE_HEADERS);
        catalogEtag.ifPresent(etag -> out.put(CatalogCutRequest.CATALOG_ETAG_HEADER, etag));
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && Validators.matches(ifNoneMatch, answer.etag(), false)) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        out.put(HttpHeader.CONTENT_TYPE, CutAnswer.MEDIA_TYPE);
        out.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, head ? null : ByteBuffer.wrap(answer.body()), callback);
    }

    private static void fail(Response response, Callback callback, Throwable failure, boolean head) {
        if (failure instanceof CutTooLargeException) {
            text(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, failure.getMessage(), head);
        } else if (failure instanceof NotServed) {
            FileHandler.error(response, callback, HttpStatus.NOT_FOUND_404, head);
        } else if (failure instanceof SourceException e && e.getCause() instanceof java.nio.file.NoSuchFileException) {
            FileHandler.error(response, callback, HttpStatus.NOT_FOUND_404, head);
        } else if (failure instanceof MalformedFileException || failure instanceof UnsupportedFeatureException) {
            text(response, callback, HttpStatus.UNPROCESSABLE_ENTITY_422, "cannot cut: " + failure.getMessage(), head);
        } else {
            text(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "cannot cut: " + failure, head);
        }
    }

    /** A one-line plain-text error: the status, then what went wrong. */
    private static void text(Response response, Callback callback, int status, String message, boolean head) {
        String line = (status + " " + HttpStatus.getMessage(status) + ": " + message).replaceAll("[\\r\\n]+", " ");
        byte[] body = (line + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        out.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }
}
