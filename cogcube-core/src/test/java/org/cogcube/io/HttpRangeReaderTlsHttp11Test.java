package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.util.List;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP reader over TLS against nginx offering only http/1.1 by ALPN: the reader, which offers
 * h2 first, must fall back to HTTP/1.1 and keep the contract.
 */
class HttpRangeReaderTlsHttp11Test extends NginxContractTest {
    @Override
    NginxServer.Mode mode() {
        return NginxServer.Mode.TLS_HTTP_1_1;
    }

    @Override
    RangeReader open(NginxServer nginx, String name) {
        return HttpRangeReader.open(nginx.uri(name), HttpOptions.defaults().withTrustAllCertificates(true));
    }

    @Test
    void speaksHttp11WhereAlpnChoosesIt() throws Exception {
        HttpRangeReader reader = (HttpRangeReader) open(nginx, serve("h1.bin", bytes(100_000, 1)));
        await(reader.read(List.of(ByteRange.of(0, 10), ByteRange.of(50_000, 10))));
        assertEquals(HttpClient.Version.HTTP_1_1, reader.protocolUsed().orElseThrow());
        assertEquals(2, nginx.accessLogOf("GET /h1.bin HTTP/1.1\"", 2).size(), String.join("\n", nginx.accessLog()));
    }
}
