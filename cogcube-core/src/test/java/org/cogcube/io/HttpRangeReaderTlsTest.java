package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.http.HttpClient;
import java.util.List;
import org.cogcube.testing.NginxServer;
import org.junit.jupiter.api.Test;

/** The HTTP reader over TLS against nginx, which offers h2 by ALPN: HTTP/2 must be what is spoken. */
class HttpRangeReaderTlsTest extends NginxContractTest {
    @Override
    NginxServer.Mode mode() {
        return NginxServer.Mode.TLS_H2;
    }

    @Override
    RangeReader open(NginxServer nginx, String name) {
        return HttpRangeReader.open(nginx.uri(name), HttpOptions.defaults().withTrustAllCertificates(true));
    }

    @Test
    void negotiatesHttp2ThroughAlpn() throws Exception {
        HttpRangeReader reader = (HttpRangeReader) open(nginx, serve("h2.bin", bytes(100_000, 1)));
        await(reader.read(List.of(ByteRange.of(0, 10), ByteRange.of(50_000, 10))));
        assertEquals(HttpClient.Version.HTTP_2, reader.protocolUsed().orElseThrow());
    }

    @Test
    void fallsBackToHttp11WhenAskedTo() throws Exception {
        HttpRangeReader reader = HttpRangeReader.open(nginx.uri(serve("h1-over-tls.bin", bytes(100, 2))),
                HttpOptions.defaults().withTrustAllCertificates(true).withProtocol(HttpOptions.Protocol.HTTP_1_1));
        await(reader.read(ByteRange.of(0, 10)));
        assertEquals(HttpClient.Version.HTTP_1_1, reader.protocolUsed().orElseThrow());
    }

    @Test
    void refusesTheSelfSignedCertificateUnlessTrusted() throws Exception {
        RangeReader reader = HttpRangeReader.open(nginx.uri(serve("untrusted.bin", bytes(100, 3))));
        Throwable failure = RangeReaderContractTest.failure(reader.read(List.of(ByteRange.of(0, 10))));
        assertInstanceOf(javax.net.ssl.SSLException.class, failure.getCause().getCause());
        org.junit.jupiter.api.Assertions.assertTrue(failure.getMessage().contains("trust store"), failure.getMessage());
    }

    @Test
    void anUntrustedCertificateIsNotRetriedAndSaysWhatToDo() throws Exception {
        RangeReader reader = RangeReaders.open(nginx.uri(serve("untrusted2.bin", bytes(100, 4))).toString());
        Throwable failure = RangeReaderContractTest.failure(reader.read(List.of(ByteRange.of(0, 10))));
        String message = failure.getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(message.contains("TLS handshake failed")
                && message.contains("keytool -importcert") && !message.contains("attempts"), message);
    }
}
