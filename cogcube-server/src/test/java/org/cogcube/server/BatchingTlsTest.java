package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several TLS records encrypted in one step of the server's writing: the client decrypts exactly the
 * data the step said it consumed, record after record, for both TLS providers; with room for one
 * record only, a step encrypts one, as the engine's own wrap does.
 */
class BatchingTlsTest {
    static final int RECORD_DATA = 16 * 1024;

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"CONSCRYPT", "JDK"})
    void stepsEncryptAsManyRecordsAsFitAndTheClientReadsTheDataBack(TlsProvider provider) throws Exception {
        SslContextFactory.Server context = TlsContexts.of(ServerOptions.of(root).withTls(TlsSource.selfSigned())
                .withTlsProvider(provider));
        context.start();
        try {
            SSLEngine server = context.newSSLEngine();
            server.setUseClientMode(false);
            SSLEngine client = TrustingClient.trustAll().createSSLEngine("localhost", 443);
            client.setUseClientMode(true);
            handshake(client, server);

            byte[] data = new byte[300_000];
            new Random(3).nextBytes(data);
            // As Jetty's HTTP/2 frames come: a 9-byte frame header, then the frame's data.
            ByteBuffer[] input = {ByteBuffer.wrap(data, 0, 9), ByteBuffer.wrap(data, 9, data.length - 9)};
            ByteBuffer batch = ByteBuffer.allocate(BatchingTls.BATCH_BYTES);
            SSLEngineResult first = BatchingTls.wrapRecords(server, input, batch);
            int records = BatchingTls.BATCH_BYTES / server.getSession().getPacketBufferSize();
            assertEquals(SSLEngineResult.Status.OK, first.getStatus());
            assertTrue(first.bytesConsumed() > (records - 1) * RECORD_DATA,
                    "a step fills the batch: more than the data of all but one of the " + records
                    + " records that fit in it, got " + first.bytesConsumed() + " bytes");
            assertEquals(batch.position(), first.bytesProduced());

            ByteArrayOutputStream read = new ByteArrayOutputStream();
            batch.flip();
            readAll(client, batch, read);
            assertArrayEquals(Arrays.copyOf(data, first.bytesConsumed()), read.toByteArray());

            ByteBuffer one = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
            SSLEngineResult single = BatchingTls.wrapRecords(server, input, one);
            assertTrue(single.bytesConsumed() > 0 && single.bytesConsumed() <= RECORD_DATA,
                    "a step with room for one record encrypts one, got " + single.bytesConsumed() + " bytes");
            one.flip();
            readAll(client, one, read);

            while (input[1].hasRemaining()) {
                batch.clear();
                BatchingTls.wrapRecords(server, input, batch);
                batch.flip();
                readAll(client, batch, read);
            }
            assertArrayEquals(data, read.toByteArray());
        } finally {
            context.stop();
        }
    }

    /** Decrypts every record in the buffer. */
    private static void readAll(SSLEngine client, ByteBuffer records, ByteArrayOutputStream into) throws Exception {
        ByteBuffer plain = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        while (records.hasRemaining()) {
            plain.clear();
            SSLEngineResult r = client.unwrap(records, plain);
            assertEquals(SSLEngineResult.Status.OK, r.getStatus(), "unwrap: " + r);
            into.write(plain.array(), 0, plain.position());
        }
    }

    /** Runs the handshake between two engines through memory. */
    private static void handshake(SSLEngine client, SSLEngine server) throws Exception {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(4 * packet);
        ByteBuffer toClient = ByteBuffer.allocate(4 * packet);
        ByteBuffer sink = ByteBuffer.allocate(4 * packet);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 100 && !(done(client) && done(server)); i++) {
            step(client, toClient, toServer, sink);
            step(server, toServer, toClient, sink);
        }
        assertTrue(done(client) && done(server), "handshake did not finish: " + client.getHandshakeStatus()
                + " / " + server.getHandshakeStatus());
        // TLS 1.3 servers send tickets after the handshake: let the client take them.
        toClient.flip();
        while (toClient.hasRemaining()) {
            sink.clear();
            client.unwrap(toClient, sink);
        }
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus s = engine.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer sink) throws Exception {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), out);
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    sink.clear();
                    SSLEngineResult r = engine.unwrap(in, sink);
                    in.compact();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0
                            && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }
}
