package org.cogcube.server;

/**
 * Which implementation of TLS a {@link CubeServer} encrypts with.
 *
 * <p>{@link #CONSCRYPT} is BoringSSL (the TLS library of Chrome and Android) through Conscrypt,
 * whose jar carries the native library for Linux, macOS and Windows on x86-64; it spends less CPU
 * per request than the JDK's own TLS (bench/SERVE.md). {@link #JDK} is the running JDK's TLS (JSSE), which
 * works everywhere. {@link #AUTO} takes Conscrypt where its native library loads, else the JDK's.
 */
public enum TlsProvider {
    AUTO, JDK, CONSCRYPT
}
