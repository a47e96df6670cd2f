package org.cogcube.io.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which TLS cogcube's connections use (their trust in each: {@link DeferredTrustTest}). */
class NativeTlsTest {
    @Test
    void conscryptWhereItLoads() {
        // Its jar is on the test class path and its native library is built for this platform.
        assertEquals("Conscrypt", NativeTls.load("auto").map(p -> p.getName()).orElse("none"));
        assertEquals("Conscrypt", NativeTls.load("AUTO").map(p -> p.getName()).orElse("none"));
    }

    @Test
    void theJdksWhenAsked() {
        assertEquals(Optional.empty(), NativeTls.load("jdk"));
    }

    @Test
    void aSettingItDoesNotKnowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeTls.load("boringssl"));
        assertTrue(e.getMessage().contains("-Dcogcube.tls.provider=auto or jdk, found boringssl"), e.getMessage());
    }

    @Test
    void theseTestsRunTheDialerOnTheJdksTls() throws Exception {
        // The module's tests set -Dcogcube.tls.provider=jdk: the command line's tests run it on Conscrypt's.
        assertEquals(Optional.empty(), NativeTls.provider());
        assertEquals(TlsDialer.context(true), TlsDialer.dialContext(true));
    }
}
