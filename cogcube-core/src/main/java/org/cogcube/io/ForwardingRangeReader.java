package org.cogcube.io;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The base of a decorator: forwards everything to the reader it wraps, so that a decorator
 * overrides only what it changes (usually {@link #read(java.util.List)}). {@link #readEach} is not
 * forwarded: a decorator that does not override it gets the default, which goes through its own
 * {@code read} (so nothing it does is bypassed) and completes the ranges together.
 */
public abstract class ForwardingRangeReader implements RangeReader {
    /** The reader this one wraps. */
    protected final RangeReader inner;

    protected ForwardingRangeReader(RangeReader inner) {
        this.inner = java.util.Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public CompletableFuture<Long> size() {
        return inner.size();
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        return inner.version();
    }

    @Override
    public Optional<String> knownVersion() {
        return inner.knownVersion();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("RangeReader", "") + "(" + inner + ")";
    }
}
