package org.cogcube.server;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes a response body made of pieces (literal bytes, and regions of one open file version) to
 * a response without blocking: each step reads at most one buffer from the file and writes it,
 * and the next step starts when the write completes. The file channel is closed at the end,
 * success or not.
 */
final class BodyWriter extends IteratingCallback {

    /** A part of a body: literal bytes (multipart headers) or a region of the file. */
    sealed interface Piece {
        long length();
    }

    record Bytes(byte[] bytes) implements Piece {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    record Region(long offset, long length) implements Piece {
    }

    private final Response response;
    private final FileVersion file;
    private final List<Piece> pieces;
    private final ByteBufferPool pool;
    private final int bufferSize;
    private final Callback done;
    private int index;
    private long doneInPiece;
    private RetainableByteBuffer buffer;
    private boolean wroteLast;

    BodyWriter(Response response, FileVersion file, List<Piece> pieces, ByteBufferPool pool, int bufferSize,
            Callback done) {
        this.response = response;
        this.file = file;
        this.pieces = pieces;
        this.pool = pool;
        this.bufferSize = bufferSize;
        this.done = done;
    }

    static long length(List<Piece> pieces) {
        long n = 0;
        for (Piece p : pieces) {
            n += p.length();
        }
        return n;
    }

    @Override
    protected Action process() throws IOException {
        release();
        while (index < pieces.size() && doneInPiece == pieces.get(index).length()) {
            index++;
            doneInPiece = 0;
        }
        if (index == pieces.size()) {
            if (wroteLast) {
                return Action.SUCCEEDED;
            }
            wroteLast = true;
            response.write(true, null, this);
            return Action.SCHEDULED;
        }
        Piece piece = pieces.get(index);
        boolean lastPiece = index == pieces.size() - 1;
        if (piece instanceof Bytes b) {
            doneInPiece = b.length();
            wroteLast = lastPiece;
            response.write(lastPiece, ByteBuffer.wrap(b.bytes()), this);
            return Action.SCHEDULED;
        }
        Region r = (Region) piece;
        int n = (int) Math.min(bufferSize, r.length() - doneInPiece);
        buffer = pool.acquire(n, true);
        ByteBuffer bb = buffer.getByteBuffer();
        bb.clear().limit(n);
        long position = r.offset() + doneInPiece;
        while (bb.hasRemaining()) {
            int read = file.channel.read(bb, position + bb.position());
            if (read < 0) {
                throw new EOFException(file.path + " ended at " + (position + bb.position())
                        + " while a response for " + file.etag + " (" + file.size + " bytes) was being sent;"
                        + " was it rewritten in place rather than replaced?");
            }
        }
        bb.flip();
        doneInPiece += n;
        boolean last = lastPiece && doneInPiece == r.length();
        wroteLast = last;
        response.write(last, bb, this);
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteSuccess() {
        finish();
        done.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        finish();
        done.failed(cause);
    }

    private void finish() {
        release();
        file.close();
    }

    private void release() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
