package org.cogcube.io;

/** The nginx contract and tests of {@link HttpRangeReaderHttp11Test}, through the JDK's HttpClient. */
class HttpRangeReaderJdkHttp11Test extends HttpRangeReaderHttp11Test {
    @Override
    HttpOptions.Protocol protocol() {
        return HttpOptions.Protocol.JDK_HTTP_1_1;
    }
}
