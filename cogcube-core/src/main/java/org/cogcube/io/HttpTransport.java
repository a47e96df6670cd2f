package org.cogcube.io;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * How an {@link HttpRangeReader} sends a request and collects its response: the JDK's HttpClient
 * ({@code client::sendAsync}), or {@link org.cogcube.io.http2.H2cClient} for HTTP/2 over cleartext
 * with prior knowledge. The reader checks every response the same way whichever sent it.
 */
@FunctionalInterface
interface HttpTransport {
    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> body);
}
