package org.cogcube.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.cogcube.subset.CutRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Answers every request: GET and HEAD of files under the root (with ranges, validators, gzip for
 * text and CORS) and of the cut endpoint ({@link CutHandler}), OPTIONS (including CORS preflight), and 405 for every other method. Which file a
 * path names is {@link SafePaths}'s decision alone; what a response holds is one
 * {@link FileVersion}'s bytes.
 */
final class FileHandler extends Handler.Abstract {
    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";

    private static final HttpField ALLOW_ORIGIN = new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    private static final HttpField EXPOSE_HEADERS = new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
            "Content-Range, Content-Length, Content-Encoding, ETag, Last-Modified, Accept-Ranges, Link");
    private static final HttpField ACCEPT_RANGES = new PreEncodedHttpField(HttpHeader.ACCEPT_RANGES, "bytes");
    private static final HttpField VARY_ENCODING = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    /** Catalogues change when ingest adds a date: cache a minute, then ask again. */
    static final HttpField CATALOGUE_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            "public, max-age=60, must-revalidate");
    /** Imagery may be replaced by ingest: keep it, but confirm the version (ETag) before each use. */
    static final HttpField FILE_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, no-cache");
    /** Tells clients, on every catalogue, that this server cuts files itself ({@link CutHandler}). */
    static final HttpField CUT_LINK = new PreEncodedHttpField(HttpHeader.LINK, "<" + CutRequest.PATH + ">; rel=\""
            + CutRequest.REL + "\"");
    private static final HttpField LISTING_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache");
    private static final HttpField GEOTIFF = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, ContentTypes.GEOTIFF);

    private final SafePaths paths;
    private final boolean listDirectories;
    private final int bufferSize;
    private final GzipVariants gzip = new GzipVariants();
    private final CutHandler cuts;
    private final OpenFiles openFiles;

    FileHandler(SafePaths paths, boolean listDirectories, int bufferSize, long maxCutPixels, OpenFiles openFiles) {
        super(InvocationType.NON_BLOCKING);
        this.openFiles = openFiles;
        addBean(openFiles);
        this.paths = paths;
        this.listDirectories = listDirectories;
        this.bufferSize = bufferSize;
        this.cuts = new CutHandler(paths, maxCutPixels);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(ALLOW_ORIGIN);
        String method = request.getMethod();
        if ((HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))
                && CutRequest.PATH.equals(request.getHttpURI().getPath())) {
            cuts.handle(request, response, callback, HttpMethod.HEAD.is(method));
        } else if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
            get(request, response, callback, HttpMethod.HEAD.is(method));
        } else if (HttpMethod.OPTIONS.is(method)) {
            options(request, response, callback);
        } else {
            headers.put(HttpHeader.ALLOW, ALLOWED_METHODS);
            error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, false);
        }
        return true;
    }

    private void get(Request request, Response response, Callback callback, boolean head) throws IOException {
        String rawPath = request.getHttpURI().getPath();
        FileVersion file;
        try {
            SafePaths.Found found = paths.find(rawPath);
            if (found.identity().directory()) {
                folder(response, callback, found.path(), rawPath, head);
                return;
            }
            file = openFiles.open(found.path(), found.identity());
        } catch (SafePaths.Refused refused) {
            error(response, callback, refused.status, head);
            return;
        } catch (NoSuchFileException | AccessDeniedException gone) {
            error(response, callback, HttpStatus.NOT_FOUND_404, head);
            return;
        }
        try {
            send(request, response, callback, file, head);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Sends one version: validators first, then the gzip variant, the ranges or the whole file. */
    private void send(Request request, Response response, Callback callback, FileVersion file, boolean head)
            throws IOException {
        HttpFields in = request.getHeaders();
        HttpFields.Mutable out = response.getHeaders();
        String name = file.path.getFileName().toString();
        String range = head ? null : in.get(HttpHeader.RANGE);
        boolean compressible = ContentTypes.compressible(name);
        boolean gzipped = compressible && range == null && GzipVariants.worthIt(file)
                && GzipVariants.accepted(in.get(HttpHeader.ACCEPT_ENCODING));
        String etag = gzipped ? GzipVariants.etag(file) : file.etag;

        out.put(EXPOSE_HEADERS);
        out.put(ACCEPT_RANGES);
        if (ContentTypes.catalogue(name)) {
            out.put(CATALOGUE_CACHE);
            out.put(CUT_LINK);
        } else {
            out.put(FILE_CACHE);
        }
        out.put(HttpHeader.ETAG, etag);
        out.put(HttpHeader.LAST_MODIFIED, Validators.httpDate(file.lastModifiedMillis));
        if (compressible) {
            out.put(VARY_ENCODING);
        }
        switch (Validators.evaluate(in.get(HttpHeader.IF_MATCH), in.get(HttpHeader.IF_UNMODIFIED_SINCE),
                in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE), etag, file.lastModifiedMillis)) {
            case NOT_MODIFIED -> {
                file.close();
                response.setStatus(HttpStatus.NOT_MODIFIED_304);
                response.write(true, null, callback);
                return;
            }
            case PRECONDITION_FAILED -> {
                file.close();
                error(response, callback, HttpStatus.PRECONDITION_FAILED_412, head);
                return;
            }
            case PROCEED -> {
                // go on
            }
        }
        String contentType = ContentTypes.of(name);
        if (gzipped) {
            byte[] body = gzip.get(file);
            file.close();
            out.put(GZIP);
            out.put(HttpHeader.CONTENT_TYPE, contentType);
            out.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, head ? null : ByteBuffer.wrap(body), callback);
            return;
        }
        String ifRange = in.get(HttpHeader.IF_RANGE);
        RangeRequest asked = range == null || (ifRange != null && !Validators.ifRangeHolds(ifRange, etag,
                file.lastModifiedMillis)) ? RangeRequest.WHOLE : RangeRequest.parse(range, file.size);
        List<BodyWriter.Piece> pieces;
        if (asked instanceof RangeRequest.Unsatisfiable) {
            file.close();
            out.put(HttpHeader.CONTENT_RANGE, "bytes */" + file.size);
            error(response, callback, HttpStatus.RANGE_NOT_SATISFIABLE_416, head);
            return;
        } else if (asked instanceof RangeRequest.Partial partial && partial.spans().size() == 1) {
            Span span = partial.spans().get(0);
            response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
            out.put(HttpHeader.CONTENT_RANGE, span.contentRange(file.size));
            pieces = List.of(new BodyWriter.Region(span.first(), span.length()));
            putContentType(out, contentType);
        } else if (asked instanceof RangeRequest.Partial partial) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
            String boundary = boundary();
            out.put(HttpHeader.CONTENT_TYPE, "multipart/byteranges; boundary=" + boundary);
            pieces = multipart(partial.spans(), boundary, contentType, file.size);
        } else {
            pieces = List.of(new BodyWriter.Region(0, file.size));
            putContentType(out, contentType);
        }
        out.put(HttpHeader.CONTENT_LENGTH, BodyWriter.length(pieces));
        if (head) {
            file.close();
            response.write(true, null, callback);
            return;
        }
        new BodyWriter(response, file, pieces, request.getComponents().getByteBufferPool(), bufferSize, callback)
                .iterate();
    }

    private static void putContentType(HttpFields.Mutable out, String contentType) {
        if (contentType == ContentTypes.GEOTIFF) {
            out.put(GEOTIFF);
        } else {
            out.put(HttpHeader.CONTENT_TYPE, contentType);
        }
    }

    /** The body of a multipart/byteranges response (RFC 9110, appendix A): each span with its headers. */
    static List<BodyWriter.Piece> multipart(List<Span> spans, String boundary, String contentType, long size) {
        List<BodyWriter.Piece> pieces = new ArrayList<>(2 * spans.size() + 1);
        for (Span span : spans) {
            String head = "\r\n--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
                    + span.contentRange(size) + "\r\n\r\n";
            pieces.add(new BodyWriter.Bytes(head.getBytes(StandardCharsets.US_ASCII)));
            pieces.add(new BodyWriter.Region(span.first(), span.length()));
        }
        pieces.add(new BodyWriter.Bytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
        return pieces;
    }

    private static String boundary() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "cogcube-" + Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    }

    private void folder(Response response, Callback callback, Path folder, String rawPath, boolean head)
            throws IOException {
        if (!listDirectories) {
            error(response, callback, HttpStatus.NOT_FOUND_404, head);
            return;
        }
        if (!rawPath.endsWith("/")) {
            response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
            response.getHeaders().put(HttpHeader.LOCATION, rawPath + "/");
            response.write(true, null, callback);
            return;
        }
        byte[] body = Listing.html(paths, folder, title(folder)).getBytes(StandardCharsets.UTF_8);
        HttpFields.Mutable out = response.getHeaders();
        out.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        out.put(LISTING_CACHE);
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }

    private String title(Path folder) {
        String relative = paths.root().relativize(folder).toString().replace('\\', '/');
        return relative.isEmpty() ? "/" : "/" + relative + "/";
    }

    private static void options(Request request, Response response, Callback callback) {
        HttpFields.Mutable out = response.getHeaders();
        out.put(HttpHeader.ALLOW, ALLOWED_METHODS);
        if (request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Range, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range, Cache-Control");
            out.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, 86400);
        }
        response.setStatus(HttpStatus.NO_CONTENT_204);
        response.write(true, null, callback);
    }

    /** A short plain-text error, the same for every refusal of a kind (it never says why a path was refused). */
    static void error(Response response, Callback callback, int status, boolean head) {
        byte[] body = (status + " " + HttpStatus.getMessage(status) + "\n").getBytes(StandardCharsets.US_ASCII);
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        out.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        out.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }
}
