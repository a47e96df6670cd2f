package org.cogcube.io.net;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Plain TCP, for {@code http:}. */
final class CleartextDialer implements Dialer {
    static final CleartextDialer INSTANCE = new CleartextDialer();

    private CleartextDialer() {
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public int defaultPort() {
        return 80;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Socket open(String host, int port, Duration timeout) throws IOException {
        return Dialer.connect(host, port, timeout);
    }
}
