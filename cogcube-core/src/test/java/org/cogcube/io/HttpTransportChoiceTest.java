package org.cogcube.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which transport a reader gets for a URL and options. */
class HttpTransportChoiceTest {
    private static final URI CLEARTEXT = URI.create("http://example.test/a.tif");

    @Test
    void cleartextHttp11AndHttp2UseTheOwnClientFollowingRedirects() {
        assertInstanceOf(Redirects.class, HttpClients.transport(CLEARTEXT, HttpOptions.defaults()));
        assertInstanceOf(Redirects.class, HttpClients.transport(CLEARTEXT,
                HttpOptions.defaults().withProtocol(HttpOptions.Protocol.HTTP_1_1)));
    }

    @Test
    void tlsUsesTheOwnClientsFollowingRedirects() {
        assertInstanceOf(Redirects.class, HttpClients.transport(URI.create("https://example.test/a.tif"),
                HttpOptions.defaults()));
        assertInstanceOf(Redirects.class, HttpClients.transport(URI.create("https://example.test/a.tif"),
                HttpOptions.defaults().withProtocol(HttpOptions.Protocol.HTTP_1_1)));
    }

    @Test
    void theEscapeHatchUsesTheJdkClient() {
        assertFalse(HttpClients.transport(URI.create("https://example.test/a.tif"), HttpOptions.defaults()
                .withProtocol(HttpOptions.Protocol.JDK_HTTP_1_1)) instanceof Redirects);
        assertFalse(HttpClients.transport(CLEARTEXT, HttpOptions.defaults()
                .withProtocol(HttpOptions.Protocol.JDK_HTTP_1_1)) instanceof Redirects);
    }

    @Test
    void aProxyNamedByTheDefaultSelectorKeepsTheJdkClient() {
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress("proxy.example.test", 3128)));
        try {
            assertFalse(HttpClients.transport(CLEARTEXT, HttpOptions.defaults()) instanceof Redirects);
        } finally {
            ProxySelector.setDefault(before);
        }
    }
}
