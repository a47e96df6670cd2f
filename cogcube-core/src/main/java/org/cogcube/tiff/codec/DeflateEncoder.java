package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.DeflateSymbols.DIST_EXTRA;
import static org.cogcube.tiff.codec.DeflateSymbols.DIST_SYMBOLS;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_EXTRA;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_SLOT;
import static org.cogcube.tiff.codec.DeflateSymbols.LITLEN_SYMBOLS;
import static org.cogcube.tiff.codec.DeflateSymbols.MAX_MATCH;
import static org.cogcube.tiff.codec.DeflateSymbols.WINDOW;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * Encodes bytes as one zlib stream (RFC 1950) of deflate data (RFC 1951). Matches are found in
 * hash chains of four-byte prefixes searched to a bounded depth, with one step of lazy matching,
 * and a match is taken only when it costs fewer bits than the literals it replaces, as priced by
 * the codes of the block before (the first block is priced from the input's byte frequencies).
 * Imagery after a predictor is mostly literals, and short matches far back cost more than the
 * literals they replace.
 *
 * <p>One encoder holds the state of one stream at a time; {@link DeflateCodec} pools them.
 */
final class DeflateEncoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HASH_BITS = 15;
    private static final int MIN_LENGTH = 5;
    /** A match this long is taken at once, without searching or looking further. */
    private static final int NICE_LENGTH = 64;
    /** The most items (literals and matches) in one block. */
    static final int BLOCK_ITEMS = 1 << 15;
    /** Costs are in sixteenths of a bit. */
    private static final int BIT = 16;
    private static final int NO_POSITION = Integer.MIN_VALUE / 2;

    private final int[] head = new int[1 << HASH_BITS];
    private final int[] prev = new int[WINDOW];
    /** The matches of the block so far, two ints each: see {@link DeflateBlockWriter}. */
    private final int[] matchItems = new int[2 * BLOCK_ITEMS];
    private final int[] litFreq = new int[LITLEN_SYMBOLS];
    private final int[] distFreq = new int[DIST_SYMBOLS];
    private final int[] literalCost = new int[256];
    private final int[] lengthCost = new int[MAX_MATCH + 1];
    private final int[] distSlotCost = new int[DIST_SYMBOLS];
    private final DeflateBlockWriter blocks = new DeflateBlockWriter();
    private final BitOutput out = new BitOutput();
    private final Adler32 adler = new Adler32();
    private byte[] src;
    /** 2 when matches are sought only at positions of one parity, {@link #phase}; else 1. */
    private int stride;
    private int blocksWritten;
    private int phase;
    private int matches;
    private final int[] samePhaseMatches = new int[2];
    private int depth;
    private int matchCount;
    private int blockStart;
    /** Where the literals before the next match start. */
    private int literalStart;
    /** The position at which the block holds {@code BLOCK_ITEMS - 2} items and is written. */
    private int flushAt;

    /**
     * The zlib stream of {@code src[off, off+len)}, searching at most {@code depth} earlier
     * positions for each match; {@code lazy} looks one byte ahead before taking a match.
     */
    byte[] encode(byte[] src, int off, int len, int depth, boolean lazy) {
        this.src = src;
        this.depth = depth;
        Arrays.fill(head, NO_POSITION);
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        matchCount = 0;
        blockStart = off;
        literalStart = off;
        flushAt = off + BLOCK_ITEMS - 2;
        stride = 1;
        blocksWritten = 0;
        matches = 0;
        samePhaseMatches[0] = 0;
        samePhaseMatches[1] = 0;
        firstCosts(src, off, len);
        out.start();
        out.reserve(2);
        out.put(0x78 | 0x5E << 8, 16);
        parse(off, off + len, lazy);
        blocks.write(out, matchItems, matchCount, litFreq, distFreq, src, blockStart, off + len, true);
        out.alignToByte();
        adler.reset();
        adler.update(src, off, len);
        out.reserve(4);
        out.put(Integer.reverseBytes((int) adler.getValue()), 32);
        this.src = null;
        return out.toArray();
    }

    private void parse(int from, int end, boolean lazy) {
        int last = end - 8; // the last position whose eight bytes can be read at once
        int p = from;
        while (p <= last) {
            if (stride == 2 && (p & 1) != phase) {
                p = literal(p);
                continue;
            }
            long match = find(p, end);
            if (match == 0) {
                p = literal(p);
                continue;
            }
            if (lazy && stride == 1 && (int) match < NICE_LENGTH && p + 1 <= last) {
                long next = find(p + 1, end);
                while (next != 0 && (int) next > (int) match) {
                    p = literal(p);
                    match = next;
                    next = (int) match < NICE_LENGTH && p + 1 <= last ? find(p + 1, end) : 0;
                }
            }
            int length = (int) match;
            match(p, length, (int) (match >>> 32));
            insert(p + 1, Math.min(p + length, last + 1));
            p += length;
            if (p >= flushAt) {
                flush(p);
            }
        }
        while (p < end) {
            p = literal(p);
        }
    }

    /**
     * Inserts {@code p} into its hash chain and returns the best worthwhile match there as
     * {@code distance << 32 | length}, or 0.
     */
    private long find(int p, int end) {
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
        if (bestDist == 0 || !worthwhile(p, bestLength, bestDist)) {
            return 0;
        }
        return (long) bestDist << 32 | bestLength;
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

    private boolean worthwhile(int p, int length, int dist) {
        if (length >= 16) {
            return true;
        }
        int ds = DeflateSymbols.distSlot(dist);
        int cost = lengthCost[length] + distSlotCost[ds] + DIST_EXTRA[ds] * BIT;
        int literals = 0;
        for (int i = 0; i < length; i++) {
            literals += literalCost[src[p + i] & 0xFF];
        }
        return cost < literals;
    }

    private void insert(int from, int to) {
        byte[] s = src;
        int step = stride;
        int q = step == 2 && (from & 1) != phase ? from + 1 : from;
        for (; q < to; q += step) {
            int h = hash((long) LONGS.get(s, q));
            prev[q & (WINDOW - 1)] = head[h];
            head[h] = q;
        }
    }

    /** Counts the literal at {@code p}, writes the block if it is full, and returns the next position. */
    private int literal(int p) {
        litFreq[src[p] & 0xFF]++;
        if (++p >= flushAt) {
            flush(p);
        }
        return p;
    }

    private void match(int p, int length, int dist) {
        int ds = DeflateSymbols.distSlot(dist);
        int k = 2 * matchCount++;
        matchItems[k] = p - literalStart;
        matchItems[k + 1] = ds << 25 | length << 16 | dist;
        literalStart = p + length;
        flushAt += length - 1;
        matches++;
        if ((dist & 1) == 0) {
            samePhaseMatches[p & 1]++;
        }
        litFreq[257 + LENGTH_SLOT[length]]++;
        distFreq[ds]++;
    }

    /** Writes the block of the items so far, which end before {@code p}, and prices the next one by its codes. */
    private void flush(int p) {
        blocks.write(out, matchItems, matchCount, litFreq, distFreq, src, blockStart, p, false);
        blockStart = p;
        literalStart = p;
        flushAt = p + BLOCK_ITEMS - 2;
        matchCount = 0;
        choosePhase();
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        for (int b = 0; b < 256; b++) {
            literalCost[b] = BIT * (blocks.litLengths[b] == 0 ? 13 : blocks.litLengths[b]);
        }
        for (int len = MIN_LENGTH; len <= MAX_MATCH; len++) {
            int slot = LENGTH_SLOT[len];
            int bits = blocks.litLengths[257 + slot];
            lengthCost[len] = BIT * ((bits == 0 ? 12 : bits) + LENGTH_EXTRA[slot]);
        }
        for (int ds = 0; ds < DIST_SYMBOLS; ds++) {
            distSlotCost[ds] = BIT * (blocks.distLengths[ds] == 0 ? 8 : blocks.distLengths[ds]);
        }
    }

    /**
     * After the second block (the first is priced by guesses): if nearly all its matches start at
     * positions of one parity and reach back an even distance, as they do in 16-bit samples after
     * a predictor, seeks matches only at that parity from now on, which halves the cost of finding them.
     */
    private void choosePhase() {
        blocksWritten++;
        if (blocksWritten == 2 && matches >= 64) {
            for (int k = 0; k < 2; k++) {
                if (samePhaseMatches[k] >= matches - matches / 16) {
                    stride = 2;
                    phase = k;
                }
            }
        }
        matches = 0;
        samePhaseMatches[0] = 0;
        samePhaseMatches[1] = 0;
    }

    /** Prices literals by their frequency in the whole input, and matches by typical code lengths. */
    private void firstCosts(byte[] s, int off, int len) {
        // One byte in four is a fair sample of a large input, and a quarter of the cost.
        int step = len >= 1 << 14 ? 4 : 1;
        int[] count = new int[256];
        int sampled = 0;
        for (int i = off; i < off + len; i += step) {
            count[s[i] & 0xFF]++;
            sampled++;
        }
        for (int b = 0; b < 256; b++) {
            literalCost[b] = count[b] == 0 ? 13 * BIT
                    : (int) Math.min(15 * BIT, Math.max(BIT, BIT * (Math.log((double) sampled / count[b]) / Math.log(2))));
        }
        for (int l = MIN_LENGTH; l <= MAX_MATCH; l++) {
            lengthCost[l] = BIT * (5 + LENGTH_EXTRA[LENGTH_SLOT[l]]);
        }
        Arrays.fill(distSlotCost, 4 * BIT);
    }
}
