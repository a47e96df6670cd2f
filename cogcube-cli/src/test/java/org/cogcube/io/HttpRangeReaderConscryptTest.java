package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.cogcube.io.net.TlsDialer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP reader over TLS, as the command line runs it: Conscrypt is on its class path, so its
 * connections are BoringSSL's (the core module's tests run the same contract on the JDK's TLS).
 */
class HttpRangeReaderConscryptTest extends HttpRangeReaderTlsTest {
    @Test
    void theDialersConnectionsAreConscrypts() throws Exception {
        try (SSLSocket socket = TlsDialer.of(true, List.of(TlsDialer.H2, TlsDialer.HTTP_1_1))
                .handshake("localhost", nginx.port(), Duration.ofSeconds(10))) {
            assertTrue(socket.getClass().getName().startsWith("org.conscrypt."), socket.getClass().getName());
            assertEquals(TlsDialer.H2, TlsDialer.chosen(socket));
        }
    }
}
