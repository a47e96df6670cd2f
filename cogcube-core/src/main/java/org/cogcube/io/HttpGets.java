package org.cogcube.io;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cogcube.SourceException;
import org.cogcube.io.http2.H2cClient;

/**
 * Whole-resource {@code GET}s, for what is not read by ranges (a catalogue, an answer computed by
 * the server): one request, a body of at most a given size, the answer's status and headers given
 * back as they are. Requests go through the same transports as {@link HttpRangeReader}'s, share its
 * per-host limit on requests in flight, and are retried as {@link RetryingRangeReader} retries
 * (408, 429, 5xx and I/O failures, with the options' {@link RetryPolicy}).
 */
public final class HttpGets {
    private HttpGets() {
    }

    /**
     * An answer: the status, the headers, and the body (for an error status, its first few KiB).
     *
     * @param uri the URL asked
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the body
     */
    public record Answer(URI uri, int status, HttpHeaders headers, byte[] body) {

        /** The start of the body as text, for messages: one line, at most 200 characters. */
        public String text() {
            String s = new String(body, 0, Math.min(body.length, 400), java.nio.charset.StandardCharsets.UTF_8)
                    .strip().replaceAll("\\s+", " ");
            return s.length() > 200 ? s.substring(0, 200) + "..." : s;
        }
    }

    /** Longest error body kept. */
    private static final int ERROR_BODY = 4096;

    /**
     * Sends {@code GET uri}, retrying what may pass.
     *
     * @param options the transport, retries and per-host limit (its protocol chooses the transport
     *     as for a range reader, except that {@code preferH2c} asks for HTTP/2 with prior knowledge
     *     over cleartext unless the options say {@link HttpOptions.Protocol#HTTP_1_1})
     * @param maxBytes the largest successful body accepted; a longer one fails
     * @return the last answer (a status other than 2xx included, once retries are over); fails with
     *     a {@link SourceException} naming the URL when no answer came or the body was too long
     */
    public static CompletableFuture<Answer> get(URI uri, OpenOptions options, boolean preferH2c, int maxBytes) {
        HttpOptions http = options.http();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean h2c = !secure && (http.protocol() == HttpOptions.Protocol.H2C_PRIOR_KNOWLEDGE
                || preferH2c && http.protocol() != HttpOptions.Protocol.HTTP_1_1);
        HttpTransport transport = h2c ? H2cClient.connectingWithin(http.connectTimeout())::sendAsync
                : HttpClients.transport(uri, http);
        AsyncLimiter limiter = AsyncLimiter.forHost(RangeReaders.origin(uri), http.maxConcurrentRequests());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(http.requestTimeout())
                .header("User-Agent", http.userAgent());
        http.headers().forEach(builder::header);
        HttpRequest request = builder.build();
        CompletableFuture<Answer> result = new CompletableFuture<>();
        attempt(request, transport, limiter, options.retry(), maxBytes, 1, result);
        return result;
    }

    private static void attempt(HttpRequest request, HttpTransport transport, AsyncLimiter limiter, RetryPolicy policy,
            int maxBytes, int attempt, CompletableFuture<Answer> result) {
        String location = request.uri().toString();
        limiter.submit(() -> transport.send(request, info -> info.statusCode() / 100 == 2
                ? Bodies.upTo(maxBytes, true) : Bodies.upTo(ERROR_BODY, false)))
                .whenComplete((response, failure) -> {
                    Duration wait;
                    if (failure != null) {
                        SourceException refused = HttpRangeReader.handshakeFailure(location, null, failure);
                        SourceException e = refused != null ? refused : new SourceException(location, null,
                                "request failed: " + Ranges.unwrap(failure), Ranges.unwrap(failure));
                        if (!RetryingRangeReader.isRetryable(e) || attempt >= policy.maxAttempts()) {
                            result.completeExceptionally(attempt == 1 ? e : new SourceException(location, null,
                                    "failed after " + attempt + " attempts; last failure: " + e.getMessage(), e));
                            return;
                        }
                        wait = policy.waitAfter(attempt, ThreadLocalRandom.current().nextDouble(), null);
                    } else {
                        int status = response.statusCode();
                        Answer answer = new Answer(request.uri(), status, response.headers(),
                                response.body() == null ? new byte[0] : response.body());
                        boolean retryable = RetryPolicy.retryableStatus(status);
                        Duration asked = HttpStatusException.parseRetryAfter(
                                response.headers().firstValue("Retry-After").orElse(null), Instant.now());
                        if (!retryable || attempt >= policy.maxAttempts()
                                || asked != null && asked.compareTo(policy.maxDelay()) > 0) {
                            result.complete(answer);
                            return;
                        }
                        wait = policy.waitAfter(attempt, ThreadLocalRandom.current().nextDouble(), asked);
                    }
                    CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS).execute(() ->
                            attempt(request, transport, limiter, policy, maxBytes, attempt + 1, result));
                });
    }
}
