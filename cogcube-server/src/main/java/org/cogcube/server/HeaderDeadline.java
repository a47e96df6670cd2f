package org.cogcube.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes HTTP/1.1 connections whose request headers have been arriving for longer than a deadline.
 *
 * <p>The idle timeout alone does not stop a client that sends one byte of header every few seconds
 * to hold a connection forever (slowloris). Jetty has no header timeout, so this sweeps the open
 * HTTP/1.1 connections once a second: a connection seen in the middle of a request's headers
 * (its parser past the start, not yet at the body) for the same request for longer than the
 * deadline is closed. HTTP/2 is not concerned: its headers come in frames that Jetty's own limits
 * and idle timeouts cover.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

    private record Watch(long messagesIn, long since) {
    }

    private final Scheduler scheduler;
    private final long deadlineNanos;
    private final long sweepMillis;
    private final Map<HttpConnection, Watch> open = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    HeaderDeadline(Scheduler scheduler, long deadlineMillis) {
        this.scheduler = scheduler;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
        this.sweepMillis = Math.max(50, Math.min(1000, deadlineMillis / 4));
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
        open.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, new Watch(-1, 0));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.remove(http);
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            open.replaceAll((connection, watch) -> {
                HttpParser parser = connection.getParser();
                boolean inHeaders = parser.inHeaderState() && !parser.isStart();
                long messages = connection.getMessagesIn();
                if (!inHeaders) {
                    return new Watch(-1, 0);
                }
                if (watch.messagesIn != messages) {
                    return new Watch(messages, now);
                }
                if (now - watch.since > deadlineNanos) {
                    connection.getEndPoint().close();
                }
                return watch;
            });
        } finally {
            schedule();
        }
    }
}
