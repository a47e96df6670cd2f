package org.cogcube.cog;

/**
 * One reusable array per decoding thread for the decoded bytes of a chunk, which live only from
 * decoding until they are copied into the window. A window of many tiles would otherwise allocate
 * (and zero) an array per tile, and a large window makes the garbage collector run every few reads.
 * Only the threads of {@link DecodePool} decode chunks, so the arrays kept are at most one per core,
 * each at most {@value #MAX_KEPT} bytes; a larger chunk gets an array of its own.
 */
final class ChunkBuffers {
    /** The largest array kept for the next chunk: 8 MiB, sixteen 512 x 512 tiles of uint16. */
    static final int MAX_KEPT = 8 << 20;

    private static final ThreadLocal<byte[]> KEPT = ThreadLocal.withInitial(() -> new byte[0]);

    private ChunkBuffers() {
    }

    /**
     * An array of at least {@code length} bytes for this thread's next chunk, of unspecified
     * content; the caller is done with it before it decodes another chunk on this thread.
     */
    static byte[] atLeast(int length) {
        byte[] kept = KEPT.get();
        if (kept.length >= length) {
            return kept;
        }
        byte[] fresh = new byte[length];
        if (length <= MAX_KEPT) {
            KEPT.set(fresh);
        }
        return fresh;
    }
}
