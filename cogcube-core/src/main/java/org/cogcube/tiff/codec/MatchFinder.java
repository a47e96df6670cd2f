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
 * side in one table, so that both come in one memory access rather than one after the other, and
 * only their low 16 bits, so that the table is half as large.
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
    /**
     * For a depth of 1 or 2: the low 16 bits of the two latest positions of each hash. Such an
     * entry stands for the last position before the one sought with those bits, which is the
     * position inserted if that is within the window, and else any position, checked like all.
     */
    private final char[] pairs = new char[2 << HASH_BITS];
    private byte[] src;
    private int depth;
    /** The first position of the input, which no match reaches before. */
    private int start;
    /** -1 when the first (second) candidate of a pair is searched, else 0. */
    private int firstMask;
    private int secondMask;

    /** Forgets every position, to search {@code src} from {@code off} to the given depth (0 finds nothing). */
    void start(byte[] src, int off, int depth) {
        this.src = src;
        this.depth = depth;
        if (depth <= 2) {
            Arrays.fill(pairs, (char) 0);
            this.start = off;
            this.firstMask = depth >= 1 ? -1 : 0;
            this.secondMask = depth == 2 ? -1 : 0;
        } else {
            Arrays.fill(head, NO_POSITION);
        }
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

    /**
     * {@link #find} for a depth of 1 or 2. Both candidates are compared whether or not they are in
     * reach, from a position that is, and the lengths masked, which spares the processor branches
     * it cannot foresee.
     */
    private long findInPair(int p, int end) {
        byte[] s = src;
        long v = (long) LONGS.get(s, p);
        int h = hash(v) << 1;
        int e1 = pairs[h];
        int e2 = pairs[h + 1];
        pairs[h] = (char) p;
        pairs[h + 1] = (char) e1;
        // Distances from 1 to 65536, of which those up to the reach are real.
        int d1 = (p - e1 - 1 & 0xFFFF) + 1;
        int d2 = (p - e2 - 1 & 0xFFFF) + 1;
        int reach = Math.min(WINDOW, p - start);
        long x1 = (long) LONGS.get(s, p - Math.min(d1, reach)) ^ v;
        long x2 = (long) LONGS.get(s, p - Math.min(d2, reach)) ^ v;
        int l1 = Long.numberOfTrailingZeros(x1) >>> 3 & (d1 - reach - 1) >> 31 & firstMask;
        int l2 = Long.numberOfTrailingZeros(x2) >>> 3 & (d2 - reach - 1) >> 31 & secondMask;
        int length = Math.max(l1, l2);
        if (length < MIN_LENGTH) {
            return 0;
        }
        if (length == 8) {
            return extendPair(p, end, l1 == 8 ? d1 : 0, l2 == 8 ? d2 : 0);
        }
        return (long) (l2 > l1 ? d2 : d1) << 32 | length;
    }

    /** The longer match at distance {@code d1} or {@code d2} (0 for none), whose first 8 bytes agree, the first if as long. */
    private long extendPair(int p, int end, int d1, int d2) {
        int maxLength = Math.min(MAX_MATCH, end - p);
        int l1 = d1 == 0 ? 0 : extend(src, p - d1, p, maxLength);
        int l2 = d2 == 0 || l1 >= Math.min(NICE_LENGTH, maxLength) ? 0 : extend(src, p - d2, p, maxLength);
        return l2 > l1 ? (long) d2 << 32 | l2 : (long) d1 << 32 | l1;
    }

    /** Inserts the positions {@code from}, {@code from + step}, ... before {@code to} (each at least 8 bytes before the end). */
    void insert(int from, int to, int step) {
        byte[] s = src;
        if (depth <= 2) {
            for (int q = from; q < to; q += step) {
                int h = hash((long) LONGS.get(s, q)) << 1;
                pairs[h + 1] = pairs[h];
                pairs[h] = (char) q;
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
