package org.cogcube.io;

/** The faults of {@link HttpFaultTest}, through the JDK's HttpClient over cleartext HTTP/1.1. */
class HttpFaultJdkTest extends HttpFaultTest {
    @Override
    HttpOptions.Protocol protocol() {
        return HttpOptions.Protocol.JDK_HTTP_1_1;
    }
}
