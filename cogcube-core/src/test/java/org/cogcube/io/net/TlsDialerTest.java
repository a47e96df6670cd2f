package org.cogcube.io.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlsDialerTest {
    @Test
    void offersChaCha20SuitesFirstKeepingTheOrderOfTheOthers() {
        String[] enabled = {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"};
        assertArrayEquals(new String[] {"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"}, TlsDialer.chaCha20First(enabled));
    }

    @Test
    void oneDialerPerTrustAndProtocolsEachOpeningItsOwnConnections() {
        TlsDialer both = TlsDialer.of(false, List.of(TlsDialer.H2, TlsDialer.HTTP_1_1));
        assertSame(both, TlsDialer.of(false, List.of(TlsDialer.H2, TlsDialer.HTTP_1_1)));
        assertEquals(4, java.util.stream.Stream.of(both, TlsDialer.of(true, List.of(TlsDialer.H2, TlsDialer.HTTP_1_1)),
                TlsDialer.of(false, List.of(TlsDialer.H2)), TlsDialer.of(false, List.of(TlsDialer.HTTP_1_1)))
                .map(TlsDialer::name).distinct().count());
    }
}
