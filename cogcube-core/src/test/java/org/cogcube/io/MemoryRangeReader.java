package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A reader of bytes in memory: the simplest implementation of the contract, under the decorators' tests. */
final class MemoryRangeReader implements RangeReader {
    private final String location;
    private final byte[] content;
    private final String version;

    MemoryRangeReader(String location, byte[] content) {
        this(location, content, "memory " + content.length);
    }

    MemoryRangeReader(String location, byte[] content, String version) {
        this.location = location;
        this.content = content;
        this.version = version;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        List<ByteBuffer> out = new ArrayList<>();
        for (ByteRange range : ranges) {
            if (Ranges.startsPastEnd(range, content.length)) {
                return CompletableFuture.failedFuture(Ranges.pastEnd(location, range, content.length));
            }
            ByteRange cut = Ranges.cut(range, content.length);
            out.add(ByteBuffer.wrap(content, (int) cut.offset(), (int) cut.length()).slice().asReadOnlyBuffer());
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<Long> size() {
        return CompletableFuture.completedFuture((long) content.length);
    }

    @Override
    public CompletableFuture<Optional<String>> version() {
        return CompletableFuture.completedFuture(Optional.ofNullable(version));
    }
}
