package org.cogcube.bench.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay carries bytes intact both ways, passes half-closes on and counts what it carried. Its
 * delay and rate are timings, measured by the benchmark that uses it, not asserted here.
 */
class LinkRelayTest {

    private ServerSocket target;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void listen() throws IOException {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        target.close();
        threads.shutdownNow();
    }

    /** The target reads a request to its end, then answers with a reply that depends on it, and closes. */
    private CompletableFuture<byte[]> serveOnce(byte[] reply) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = target.accept()) {
                byte[] request = s.getInputStream().readAllBytes();
                s.getOutputStream().write(reply);
                s.getOutputStream().write(request.length >>> 24);
                s.getOutputStream().write(request.length >>> 16);
                s.getOutputStream().write(request.length >>> 8);
                s.getOutputStream().write(request.length);
                return request;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void carriesBytesIntactBothWaysAndPassesTheClientsHalfCloseOn() throws Exception {
        byte[] request = random(300_001, 1);
        byte[] reply = random(1_000_003, 2);
        CompletableFuture<byte[]> received = serveOnce(reply);
        try (LinkRelay relay = LinkRelay.start(0, target.getLocalPort(), 1, 0);
                Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    client.getOutputStream().write(request);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            byte[] answer = client.getInputStream().readAllBytes(); // ends when the target's close arrives
            sent.get(30, TimeUnit.SECONDS);

            assertArrayEquals(request, received.get(30, TimeUnit.SECONDS));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write(reply);
            expected.write(new byte[] {0, 4, (byte) 0x93, (byte) 0xe1}); // 300001, the request's length
            assertArrayEquals(expected.toByteArray(), answer);
        }
    }

    @Test
    void countsConnectionsAndTheBytesOfEachDirection() throws Exception {
        try (LinkRelay relay = LinkRelay.start(0, target.getLocalPort(), 0.5, 1_000_000_000L)) {
            long up = 0;
            long down = 0;
            for (int i = 0; i < 3; i++) {
                byte[] request = random(1000 * (i + 1), 10 + i);
                byte[] reply = random(5000 * (i + 1), 20 + i);
                CompletableFuture<byte[]> received = serveOnce(reply);
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                    client.getOutputStream().write(request);
                    client.shutdownOutput();
                    InputStream in = client.getInputStream();
                    assertEquals(reply.length + 4, in.readAllBytes().length);
                }
                received.get(30, TimeUnit.SECONDS);
                up += request.length;
                down += reply.length + 4;
            }
            assertEquals(new LinkRelay.Counters(3, up, down), relay.counters());
        }
    }

    @Test
    void deliversSegmentsOfManyConnectionsEachInItsOwnOrder() throws Exception {
        int n = 4;
        try (LinkRelay relay = LinkRelay.start(0, target.getLocalPort(), 2, 200_000_000L)) {
            CompletableFuture<?>[] servers = new CompletableFuture<?>[n];
            for (int i = 0; i < n; i++) {
                servers[i] = serveOnce(random(200_000 + i, 100 + i));
            }
            CompletableFuture<?>[] clients = new CompletableFuture<?>[n];
            for (int i = 0; i < n; i++) {
                int k = i;
                clients[i] = CompletableFuture.supplyAsync(() -> {
                    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                        client.getOutputStream().write(random(50_000, 200 + k));
                        client.shutdownOutput();
                        return client.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, threads);
            }
            long downBytes = 0;
            for (int i = 0; i < n; i++) {
                byte[] answer = (byte[]) clients[i].get(30, TimeUnit.SECONDS);
                byte[] request = (byte[]) servers[i].get(30, TimeUnit.SECONDS);
                // connections reach the target in any order: match each answer by its length
                int length = answer.length - 4;
                int which = length - 200_000;
                byte[] expected = random(length, 100 + which);
                assertArrayEquals(expected, java.util.Arrays.copyOf(answer, length));
                assertEquals(50_000, request.length);
                downBytes += answer.length;
            }
            assertEquals(new LinkRelay.Counters(n, 50_000L * n, downBytes), relay.counters());
        }
    }
}
