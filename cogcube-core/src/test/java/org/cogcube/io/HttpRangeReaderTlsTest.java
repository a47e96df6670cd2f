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
    void sendsEveryRequestOfManyReadersOverOneConnection() throws Exception {
        List<RangeReader> readers = new java.util.ArrayList<>();
        List<java.util.concurrent.CompletableFuture<?>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RangeReader reader = open(nginx, serve("many-" + i + ".bin", bytes(20_000, 10 + i)));
            readers.add(reader);
            reads.add(reader.read(List.of(ByteRange.of(0, 100), ByteRange.of(10_000, 100))));
        }
        for (var read : reads) {
            await(read);
        }
        List<String> lines = nginx.accessLogOf("GET /many-", 16);
        assertEquals(16, lines.size(), String.join("\n", lines));
        assertEquals(1, lines.stream().map(l -> l.substring(l.lastIndexOf("connection="))).distinct().count(),
                "one HTTP/2 connection: " + String.join("\n", lines));
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().allMatch(l -> l.contains(" HTTP/2.0\"")),
                String.join("\n", lines));
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
