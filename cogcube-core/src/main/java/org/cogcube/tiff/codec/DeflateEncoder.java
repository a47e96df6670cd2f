package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.DeflateSymbols.DIST_EXTRA;
import static org.cogcube.tiff.codec.DeflateSymbols.DIST_SYMBOLS;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_EXTRA;
import static org.cogcube.tiff.codec.DeflateSymbols.LENGTH_SLOT;
import static org.cogcube.tiff.codec.DeflateSymbols.LITLEN_SYMBOLS;
import static org.cogcube.tiff.codec.DeflateSymbols.MAX_MATCH;
import static org.cogcube.tiff.codec.MatchFinder.MIN_LENGTH;
import static org.cogcube.tiff.codec.MatchFinder.NICE_LENGTH;

import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * Encodes bytes as one zlib stream (RFC 1950) of deflate data (RFC 1951). Matches are found by a
 * {@link MatchFinder}, hash chains searched to a bounded depth, with one step of lazy matching,
 * and a match is taken only when it costs fewer bits than the literals it replaces, as priced by
 * the codes of the block before (the first block is priced from the input's byte frequencies).
 * Imagery after a predictor is mostly literals, and short matches far back cost more than the
 * literals they replace.
 *
 * <p>One encoder holds the state of one stream at a time; {@link DeflateCodec} pools them.
 */
final class DeflateEncoder {
    /** The most items (literals and matches) in one block. */
    static final int BLOCK_ITEMS = 1 << 15;
    /** Costs are in sixteenths of a bit. */
    private static final int BIT = 16;

    /** The matches of the block so far, two ints each: see {@link DeflateBlockWriter}. */
    private final int[] matchItems = new int[2 * BLOCK_ITEMS];
    private final int[] litFreq = new int[LITLEN_SYMBOLS];
    private final int[] distFreq = new int[DIST_SYMBOLS];
    private final int[] literalCost = new int[256];
    private final int[] lengthCost = new int[MAX_MATCH + 1];
    /** The cost of each distance symbol with its extra bits. */
    private final int[] distCost = new int[DIST_SYMBOLS];
    private final MatchFinder finder = new MatchFinder();
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
        finder.start(src, off, depth);
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
        finder.end();
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
            int match = find(p, end);
            if (match == 0) {
                p = literal(p);
                continue;
            }
            if (lazy && stride == 1 && length(match) < NICE_LENGTH && p + 1 <= last) {
                int next = find(p + 1, end);
                while (next != 0 && length(next) > length(match)) {
                    p = literal(p);
                    match = next;
                    next = length(match) < NICE_LENGTH && p + 1 <= last ? find(p + 1, end) : 0;
                }
            }
            int length = length(match);
            match(p, match);
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
     * Inserts {@code p} and returns its match if it is worthwhile, as a match item
     * ({@code distanceSymbol << 25 | length << 16 | distance}, see {@link DeflateBlockWriter}), or 0.
     */
    private int find(int p, int end) {
        long found = finder.find(p, end);
        if (found == 0) {
            return 0;
        }
        int length = (int) found;
        int dist = (int) (found >>> 32);
        int ds = DeflateSymbols.distSlot(dist);
        return length >= 16 || worthwhile(p, length, ds) ? ds << 25 | length << 16 | dist : 0;
    }

    private static int length(int match) {
        return match >>> 16 & 0x1FF;
    }

    /** Whether a match of {@code length} bytes at {@code p} with distance symbol {@code ds} costs less than its literals. */
    private boolean worthwhile(int p, int length, int ds) {
        int cost = lengthCost[length] + distCost[ds];
        int literals = 0;
        for (int i = 0; i < length; i++) {
            literals += literalCost[src[p + i] & 0xFF];
        }
        return cost < literals;
    }

    private void insert(int from, int to) {
        int step = stride;
        finder.insert(step == 2 && (from & 1) != phase ? from + 1 : from, to, step);
    }

    /** Counts the literal at {@code p}, writes the block if it is full, and returns the next position. */
    private int literal(int p) {
        litFreq[src[p] & 0xFF]++;
        if (++p >= flushAt) {
            flush(p);
        }
        return p;
    }

    private void match(int p, int match) {
        int length = length(match);
        int dist = match & 0xFFFF;
        int ds = match >>> 25;
        int k = 2 * matchCount++;
        matchItems[k] = p - literalStart;
        matchItems[k + 1] = match;
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
            distCost[ds] = BIT * ((blocks.distLengths[ds] == 0 ? 8 : blocks.distLengths[ds]) + DIST_EXTRA[ds]);
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
        for (int ds = 0; ds < DIST_SYMBOLS; ds++) {
            distCost[ds] = BIT * (4 + DIST_EXTRA[ds]);
        }
    }
}
