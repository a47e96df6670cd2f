package org.cogcube.io;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Follows redirects for cogcube's own transports, as the JDK client's {@code Redirect.NORMAL}
 * does: up to {@value #MAX_HOPS} hops, to {@code http:} through the cleartext transport, to
 * {@code https:} through the secure one, never from {@code https:} down to {@code http:}.
 */
final class Redirects implements HttpTransport {
    static final int MAX_HOPS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpTransport cleartext;
    private final HttpTransport secure;

    Redirects(HttpTransport cleartext, HttpTransport secure) {
        this.cleartext = cleartext;
        this.secure = secure;
    }

    @Override
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> body) {
        return send(request, body, 0);
    }

    private CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> body,
            int hops) {
        boolean fromSecure = isSecure(request.uri());
        CompletableFuture<HttpResponse<byte[]>> sent = (fromSecure ? secure : cleartext).send(request, body);
        return sent.thenCompose(response -> {
            Optional<URI> target = target(response);
            if (target.isEmpty() || hops >= MAX_HOPS || fromSecure && !isSecure(target.get())) {
                return CompletableFuture.completedFuture(response);
            }
            return send(HttpRequest.newBuilder(request, (name, value) -> true).uri(target.get()).build(), body,
                    hops + 1);
        });
    }

    private static boolean isSecure(URI uri) {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** Where a redirect points, resolved against the request; empty for any other answer. */
    private static Optional<URI> target(HttpResponse<?> response) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return Optional.empty();
        }
        return response.headers().firstValue("Location").flatMap(location -> {
            try {
                URI uri = response.uri().resolve(location);
                String scheme = uri.getScheme();
                return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                        ? Optional.of(uri) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
