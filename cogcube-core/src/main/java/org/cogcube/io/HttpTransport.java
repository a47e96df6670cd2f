package org.cogcube.io;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * How an {@link HttpRangeReader} sends a request and collects its response: the JDK's HttpClient
 * ({@code client::sendAsync}), {@link org.cogcube.io.http1.Http1Client} for HTTP/1.1,
 * {@link org.cogcube.io.http2.H2cClient} for HTTP/2 over cleartext with prior knowledge, or
 * {@link TlsTransport} for {@code https:} ({@link HttpClients#transport} chooses). The reader checks every response the same way
 * whichever sent it.
 */
@FunctionalInterface
interface HttpTransport {
    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> body);
}
