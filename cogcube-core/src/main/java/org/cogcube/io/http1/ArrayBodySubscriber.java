package org.cogcube.io.http1;

import java.net.http.HttpResponse;

/**
 * A body subscriber that holds the whole body in one array of its own: the connection reads the
 * socket straight into it instead of into a buffer of its own handed over by {@code onNext}, which
 * saves a copy and an allocation per read of a range's body. Bytes it has no room for still come
 * by {@code onNext}, so that it can tell a body longer than expected.
 */
public interface ArrayBodySubscriber<T> extends HttpResponse.BodySubscriber<T> {

    /** The array the body goes into; its bytes from {@link #filled()} on are free. */
    byte[] array();

    /** How many bytes of {@link #array()} the body has filled. */
    int filled();

    /** {@code n} more bytes of the body were read into the array at {@link #filled()}. */
    void advance(int n);
}
