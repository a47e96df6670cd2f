package org.cogcube.server;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS connections, encrypting several records into one buffer before writing it to the
 * socket. Jetty's own encrypt one record (at most 16 KiB of data) into a buffer the size of one
 * and write it with a system call of its own: on a fast link the writes cost more than the
 * encryption, and a 1 MiB response took 64 of them. Here the buffers between the engine and the
 * socket hold {@link #BATCH_BYTES}, and each step of Jetty's writing encrypts records into them as
 * long as data is waiting and another whole record fits.
 */
final class BatchingTls extends SslConnectionFactory {
    /** Bytes of records written in one system call, at most: seven records of 16 KiB of data. */
    static final int BATCH_BYTES = 128 * 1024;

    BatchingTls(SslContextFactory.Server context, String nextProtocol) {
        super(context, nextProtocol);
    }

    @Override
    protected SslConnection newSslConnection(Connector connector, EndPoint endPoint, SSLEngine engine) {
        return new Connection(new BatchPool(connector.getByteBufferPool()), connector.getExecutor(),
                getSslContextFactory(), endPoint, engine, isDirectBuffersForEncryption(),
                isDirectBuffersForDecryption());
    }

    /** The server's pool, giving this connection's buffers room for {@link #BATCH_BYTES}. */
    private static final class BatchPool extends ByteBufferPool.Wrapper {
        BatchPool(ByteBufferPool pool) {
            super(pool);
        }

        @Override
        public RetainableByteBuffer.Mutable acquire(int size, boolean direct) {
            return super.acquire(Math.max(size, BATCH_BYTES), direct);
        }
    }

    private static final class Connection extends SslConnection {
        Connection(ByteBufferPool pool, Executor executor, SslContextFactory context,
                EndPoint endPoint, SSLEngine engine, boolean directForEncryption, boolean directForDecryption) {
            super(pool, executor, context, endPoint, engine, directForEncryption, directForDecryption);
        }

        @Override
        protected SSLEngineResult wrap(SSLEngine engine, ByteBuffer[] input, ByteBuffer output) throws SSLException {
            return wrapRecords(engine, input, output);
        }
    }

    /**
     * Encrypts records from the input into the output while data waits and the output has room for
     * one more record; during a handshake, or on anything but a full success, it stops after the
     * record, as one {@code wrap} of the engine would, so that the caller sees what the engine said.
     */
    static SSLEngineResult wrapRecords(SSLEngine engine, ByteBuffer[] input, ByteBuffer output) throws SSLException {
        SSLEngineResult result = engine.wrap(input, output);
        int consumed = result.bytesConsumed();
        int produced = result.bytesProduced();
        int record = 0;
        int more = 0;
        while (result.getStatus() == SSLEngineResult.Status.OK
                && result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && result.bytesConsumed() > 0 && !BufferUtil.isEmpty(input)) {
            if (record == 0) {
                record = engine.getSession().getPacketBufferSize();
            }
            if (output.remaining() < record) {
                break;
            }
            result = engine.wrap(input, output);
            more++;
            consumed += result.bytesConsumed();
            produced += result.bytesProduced();
        }
        return more == 0 ? result
                : new SSLEngineResult(result.getStatus(), result.getHandshakeStatus(), consumed, produced);
    }
}
