package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.cogcube.SourceException;
import org.cogcube.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP reader over cleartext HTTP/1.1 against a server scripted byte for byte. */
@Timeout(30)
class HttpRangeReaderRawServerTest {
    private final byte[] content = RangeReaderContractTest.bytes(10_000, 1);
    private RawHttpServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Answers the request's range correctly; on connection 1 only the first 100 bytes, then closes, if asked. */
    private void answer(RawHttpServer.Conversation c, List<String> head, boolean cut) throws IOException {
        String[] range = RawHttpServer.header(head, "Range").substring("bytes=".length()).split("-");
        int first = Integer.parseInt(range[0]);
        int last = Math.min(Integer.parseInt(range[1]), content.length - 1);
        int length = last - first + 1;
        c.write("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + first + "-" + last + "/" + content.length
                + "\r\nContent-Length: " + length + "\r\nETag: \"v1\"\r\n\r\n");
        byte[] body = java.util.Arrays.copyOfRange(content, first, first + (cut ? Math.min(100, length) : length));
        c.write(body);
        if (cut) {
            c.close();
        }
    }

    @Test
    void aBodyCutShortByTheServerClosingFailsClearlyAndIsRetried() throws Exception {
        server = new RawHttpServer(c -> {
            for (List<String> head = c.readRequest(); head != null; head = c.readRequest()) {
                answer(c, head, c.number() == 1);
            }
        });
        HttpOptions options = HttpOptions.defaults().withProtocol(HttpOptions.Protocol.HTTP_1_1);
        SourceException e = RangeReaderContractTest.failure(
                HttpRangeReader.open(server.uri("cut.bin"), options).read(List.of(ByteRange.of(0, 1000))));
        assertTrue(e.getMessage().startsWith(server.uri("cut.bin") + " [bytes 0-999]: truncated body")
                && e.getMessage().contains("expected 1000 bytes, received 100"), e.getMessage());
        assertTrue(RetryingRangeReader.isRetryable(e), e.getMessage());

        RangeReader retrying = new RetryingRangeReader(HttpRangeReader.open(server.uri("cut.bin"), options),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(10)));
        RangeReaderContractTest.assertContent(content, ByteRange.of(0, 1000),
                RangeReaderContractTest.await(retrying.read(ByteRange.of(0, 1000))));
    }

    @Test
    void readsOnAfterTheServerClosedAnIdleConnection() throws Exception {
        server = new RawHttpServer(c -> {
            List<String> head = c.readRequest();
            answer(c, head, false);
            if (c.number() == 1) {
                Thread.sleep(100);
                c.close(); // as a server closes a connection idle past its keep-alive timeout
                return;
            }
            for (head = c.readRequest(); head != null; head = c.readRequest()) {
                answer(c, head, false);
            }
        });
        RangeReader reader = HttpRangeReader.open(server.uri("idle.bin"),
                HttpOptions.defaults().withProtocol(HttpOptions.Protocol.HTTP_1_1));
        RangeReaderContractTest.assertContent(content, ByteRange.of(0, 10),
                RangeReaderContractTest.await(reader.read(ByteRange.of(0, 10))));
        Thread.sleep(300);
        RangeReaderContractTest.assertContent(content, ByteRange.of(500, 10),
                RangeReaderContractTest.await(reader.read(ByteRange.of(500, 10))));
        assertEquals(2, server.requests());
        assertEquals(2, server.connections());
    }

    @Test
    void failsClearlyOnAnAnswerThatIsNotHttp() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        SourceException e = RangeReaderContractTest.failure(HttpRangeReader.open(server.uri("ssh.bin"))
                .read(List.of(ByteRange.of(0, 10))));
        assertTrue(e.getMessage().startsWith(server.uri("ssh.bin") + " [bytes 0-9]: request failed")
                && e.getMessage().contains("expected an HTTP/1.1 status line") && e.getMessage().contains("SSH-2.0"),
                e.getMessage());
    }
}
