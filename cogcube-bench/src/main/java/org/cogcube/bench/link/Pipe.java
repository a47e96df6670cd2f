package org.cogcube.bench.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of one relayed connection: a reader thread hands each segment read from
 * {@code from} to the link, which says when it arrives; a writer thread writes it to {@code to}
 * at that time. The end of {@code from}'s stream is passed on as a half-close of {@code to}.
 */
final class Pipe {

    /** The largest segment: 16 KiB takes 6.5 ms at 20 Mbit/s, little against a 50 ms delay. */
    static final int SEGMENT = 16 * 1024;
    /** Bytes read but not yet written, at most: the router's buffer; the sender waits beyond. */
    private static final int BUFFERED = 8 << 20;

    private record Segment(long arrival, byte[] bytes) {
        boolean isEnd() {
            return bytes.length == 0;
        }
    }

    private final Socket from;
    private final Socket to;
    private final LinkDirection link;
    private final long notBefore;
    private final Runnable onDone;
    private final BlockingQueue<Segment> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(BUFFERED);

    /**
     * @param notBefore no segment enters the link before this time ({@link System#nanoTime()}):
     *     the client's first bytes wait for the TCP handshake's round trip
     * @param onDone run once, by the writer, when the end of stream or an error has been passed on
     */
    Pipe(Socket from, Socket to, LinkDirection link, long notBefore, Runnable onDone) {
        this.from = from;
        this.to = to;
        this.link = link;
        this.notBefore = notBefore;
        this.onDone = onDone;
    }

    void start(String name) {
        Thread reader = new Thread(this::read, name + "-read");
        Thread writer = new Thread(this::write, name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void read() {
        byte[] buffer = new byte[SEGMENT];
        try {
            InputStream in = from.getInputStream(); // not closed here: that would close the socket
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                room.acquire(n);
                queue.add(new Segment(link.schedule(n, System.nanoTime(), notBefore), Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // reset or closed by the other pipe: pass on the end, as TCP would after an error
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.add(new Segment(link.schedule(0, System.nanoTime(), notBefore), new byte[0]));
    }

    private void write() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Segment segment = queue.take();
                long wait;
                while ((wait = segment.arrival() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (segment.isEnd()) {
                    to.shutdownOutput();
                    break;
                }
                out.write(segment.bytes());
                room.release(segment.bytes().length);
            }
        } catch (IOException e) {
            // the receiver went away: nothing more can be delivered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onDone.run();
        }
    }
}
