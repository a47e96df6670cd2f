package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.DeflateSymbols.MAX_MATCH;
import static org.cogcube.tiff.codec.DeflateSymbols.WINDOW;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds, for {@link DeflateEncoder}, the longest earlier occurrence of the bytes at a position
 * among the latest few positions whose first {@link #MIN_LENGTH} bytes hash alike: hash chains
 * searched to a bounded depth. For a depth of 1 or 2 the chain's first two links are kept side by
 * side in one table, so that both come in one memory access rather than one after the other.
 *
 * <p>Every position found is checked against the input, so a stale or colliding entry costs a
 * comparison, never a wrong match.
 */
final class MatchFinder {
    /** The shortest match sought. */
    static final int MIN_LENGTH = 5;
    /** A match this long is taken at once, without searching further. */
    static final int NICE_LENGTH = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HASH_BITS = 15;
    private static final int NO_POSITION = Integer.MIN_VALUE / 2;

    /** The latest position of each hash, and before each position the previous one of its hash. */
    private final int[] head = new int[1 << HASH_BITS];
    private final int[] prev = new int[WINDOW];
    /** For a depth of 1 or 2: the two latest positions of each hash. */
    private final int[] pairs = new int[2 << HASH_BITS];
    private byte[] src;
    private int depth;

    /** Forgets every position, to search {@code src} to the given depth. */
    void start(byte[] src, int depth) {
        this.src = src;
        this.depth = depth;
        Arrays.fill(depth <= 2 ? pairs : head, NO_POSITION);
    }

    void end() {
        src = null;
    }

    /**
     * Inserts {@code p} (at least 8 bytes before {@code end}) and returns its longest match of at
     * least {@link #MIN_LENGTH} bytes as {@code distance << 32 | length}, or 0 if there is none.
     */
    long find(int p, int end) {
        if (depth <= 2) {
            return findInPair(p, end);
        }
        byte[] s = src;
        long v = (long) LONGS.get(s, p);
        int h = hash(v);
        int cur = head[h];
        head[h] = p;
        prev[p & (WINDOW - 1)] = cur;
        int limit = p - WINDOW;
        int maxLength = Math.min(MAX_MATCH, end - p);
        int bestLength = MIN_LENGTH - 1;
        int bestDist = 0;
        int enough = Math.min(NICE_LENGTH, maxLength);
        for (int d = depth; cur > limit && d > 0; d--) {
            long x = (long) LONGS.get(s, cur) ^ v;
            if (x << (64 - 8 * MIN_LENGTH) == 0) {
                int length = x != 0 ? Long.numberOfTrailingZeros(x) >>> 3 : extend(s, cur, p, maxLength);
                if (length > bestLength) {
                    bestLength = length;
                    bestDist = p - cur;
                    if (length >= enough) {
                        break;
                    }
                }
            }
            cur = prev[cur & (WINDOW - 1)];
        }
        return bestDist == 0 ? 0 : (long) bestDist << 32 | bestLength;
    }

    /** {@link #find} for a depth of 1 or 2. */
    private long findInPair(int p, int end) {
        byte[] s = src;
        long v = (long) LONGS.get(s, p);
        int h = hash(v) << 1;
        int first = pairs[h];
        int second = pairs[h + 1];
        pairs[h] = p;
        pairs[h + 1] = first;
        int limit = p - WINDOW;
        if (first <= limit) {
            return 0;
        }
        int maxLength = Math.min(MAX_MATCH, end - p);
        int bestLength = MIN_LENGTH - 1;
        int bestDist = 0;
        long x = (long) LONGS.get(s, first) ^ v;
        if (x << (64 - 8 * MIN_LENGTH) == 0) {
            bestLength = x != 0 ? Long.numberOfTrailingZeros(x) >>> 3 : extend(s, first, p, maxLength);
            bestDist = p - first;
        }
        if (depth == 2 && second > limit && bestLength < Math.min(NICE_LENGTH, maxLength)) {
            x = (long) LONGS.get(s, second) ^ v;
            if (x << (64 - 8 * MIN_LENGTH) == 0) {
                int length = x != 0 ? Long.numberOfTrailingZeros(x) >>> 3 : extend(s, second, p, maxLength);
                if (length > bestLength) {
                    bestLength = length;
                    bestDist = p - second;
                }
            }
        }
        return bestDist == 0 ? 0 : (long) bestDist << 32 | bestLength;
    }

    /** Inserts the positions {@code from}, {@code from + step}, ... before {@code to} (each at least 8 bytes before the end). */
    void insert(int from, int to, int step) {
        byte[] s = src;
        if (depth <= 2) {
            for (int q = from; q < to; q += step) {
                int h = hash((long) LONGS.get(s, q)) << 1;
                pairs[h + 1] = pairs[h];
                pairs[h] = q;
            }
            return;
        }
        for (int q = from; q < to; q += step) {
            int h = hash((long) LONGS.get(s, q));
            prev[q & (WINDOW - 1)] = head[h];
            head[h] = q;
        }
    }

    /** The hash of the first {@link #MIN_LENGTH} bytes of {@code v}. */
    private static int hash(long v) {
        return (int) (((v << (64 - 8 * MIN_LENGTH)) * 0x9E3779B97F4A7C15L) >>> (64 - HASH_BITS));
    }

    /** The length of the common run of {@code a} and {@code b} (a before b), at most {@code max}; the first 8 bytes agree. */
    private static int extend(byte[] s, int a, int b, int max) {
        int len = 8;
        while (len + 8 <= max) {
            long x = (long) LONGS.get(s, a + len) ^ (long) LONGS.get(s, b + len);
            if (x != 0) {
                return len + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            len += 8;
        }
        while (len < max && s[a + len] == s[b + len]) {
            len++;
        }
        return len;
    }
}
