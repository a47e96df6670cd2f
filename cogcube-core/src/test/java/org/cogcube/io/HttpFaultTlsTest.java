package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import org.cogcube.SourceException;
import org.cogcube.testing.TlsServerContext;
import org.junit.jupiter.api.Test;

/**
 * The faults of {@link HttpFaultTest} over TLS, through cogcube's own client: the server knows no
 * ALPN, so the client falls back to HTTP/1.1.
 */
class HttpFaultTlsTest extends HttpFaultTest {
    @Override
    HttpOptions.Protocol protocol() {
        return HttpOptions.Protocol.HTTP_2;
    }

    @Override
    FaultServer newServer(byte[] served) throws Exception {
        return new FaultServer(served, TlsServerContext.get());
    }

    @Override
    HttpOptions options() {
        return super.options().withTrustAllCertificates(true);
    }

    @Test
    void speaksHttp11ToAServerThatChoosesNoProtocolByAlpn() throws Exception {
        HttpRangeReader reader = HttpRangeReader.open(server().uri(), options());
        RangeReaderContractTest.await(reader.read(ByteRange.of(0, 10)));
        assertEquals(HttpClient.Version.HTTP_1_1, reader.protocolUsed().orElseThrow());
    }

    @Test
    void neverFollowsARedirectFromTlsDownToCleartext() throws Exception {
        try (FaultServer cleartext = new FaultServer(RangeReaderContractTest.bytes(10_000, 1))) {
            server().answer((exchange, n) -> {
                exchange.getResponseHeaders().set("Location", cleartext.uri().toString());
                server().status(exchange, 302);
            });
            SourceException e = RangeReaderContractTest.failure(
                    HttpRangeReader.open(server().uri(), options()).read(java.util.List.of(ByteRange.of(0, 10))));
            assertTrue(e.getMessage().contains("found 302"), e.getMessage());
            assertEquals(0, cleartext.requests(), "no request left TLS");
        }
    }
}
