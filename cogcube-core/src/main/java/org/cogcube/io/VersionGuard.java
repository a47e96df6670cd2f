package org.cogcube.io;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cogcube.SourceChangedException;

/**
 * Remembers the first version a reader saw of its source and fails when a later read finds
 * another. A read that carries no version (a response without validators) is not compared.
 */
final class VersionGuard {
    private final String location;
    private final AtomicReference<String> first = new AtomicReference<>();

    VersionGuard(String location) {
        this.location = location;
    }

    /** Records {@code found} if it is the first version seen, else checks it is the same. */
    void check(String found) {
        if (found == null) {
            return;
        }
        String expected = first.compareAndExchange(null, found);
        if (expected != null && !expected.equals(found)) {
            throw new SourceChangedException(location, expected, found);
        }
    }

    /** The first version seen, if any. */
    Optional<String> seen() {
        return Optional.ofNullable(first.get());
    }
}
