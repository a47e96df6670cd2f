package org.cogcube.io.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections opened ahead are the next ones handed out, and only while they are young. */
@Timeout(30)
class CleartextDialerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final CleartextDialer dialer = CleartextDialer.INSTANCE;

    @Test
    void handsOutTheConnectionsOpenedAheadBeforeOpeningNewOnes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            dialer.preconnect("127.0.0.1", port, 2, TIMEOUT);
            List<Socket> accepted = new ArrayList<>();
            server.setSoTimeout(5000);
            accepted.add(server.accept());
            accepted.add(server.accept()); // both connected before anything was asked of the dialer
            List<Integer> spareClientPorts = List.of(accepted.get(0).getPort(), accepted.get(1).getPort());
            Socket first = dialer.open("127.0.0.1", port, TIMEOUT);
            Socket second = dialer.open("127.0.0.1", port, TIMEOUT);
            assertTrue(spareClientPorts.contains(first.getLocalPort()) && spareClientPorts.contains(second.getLocalPort()),
                    "the spares: " + spareClientPorts + ", handed out: " + first.getLocalPort() + ", " + second.getLocalPort());
            assertNotSame(first, second);
            Socket third = dialer.open("127.0.0.1", port, TIMEOUT);
            Socket accepted3 = server.accept();
            assertEquals(accepted3.getPort(), third.getLocalPort(), "a new connection once the spares are used");
            for (Socket s : List.of(first, second, third, accepted3, accepted.get(0), accepted.get(1))) {
                s.close();
            }
        }
    }

    @Test
    void closesSparesNobodyTookWithinTheirLifetime() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            dialer.preconnect("127.0.0.1", port, 1, TIMEOUT, Duration.ofMillis(200));
            server.setSoTimeout(5000);
            try (Socket spare = server.accept()) {
                spare.setSoTimeout(5000);
                assertEquals(-1, spare.getInputStream().read(), "the client closed its spare");
                long start = System.nanoTime();
                try (Socket fresh = dialer.open("127.0.0.1", port, TIMEOUT); Socket accepted = server.accept()) {
                    assertEquals(accepted.getPort(), fresh.getLocalPort(), "a new connection, not the expired spare");
                }
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    @Test
    void connectsAnewWhenTheSpareCouldNotConnect() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        dialer.preconnect("127.0.0.1", closedPort, 1, TIMEOUT);
        Thread.sleep(300); // refused at once on loopback: the spare has failed before the port listens again
        try (ServerSocket server = new ServerSocket(closedPort, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            try (Socket socket = dialer.open("127.0.0.1", closedPort, TIMEOUT); Socket accepted = server.accept()) {
                assertEquals(accepted.getPort(), socket.getLocalPort());
                assertSame(false, socket.isClosed());
            }
        }
    }
}
