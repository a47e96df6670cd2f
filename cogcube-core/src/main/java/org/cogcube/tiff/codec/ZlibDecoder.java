package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.BitInput.LONGS;
import static org.cogcube.tiff.codec.HuffmanTable.END;
import static org.cogcube.tiff.codec.HuffmanTable.INVALID;
import static org.cogcube.tiff.codec.HuffmanTable.LINK;

import java.util.Arrays;

/**
 * Decodes a zlib stream (RFC 1950) wrapping deflate data (RFC 1951) into the first bytes of an
 * output array, as many as the caller expects, and stops there: the reader often needs only the first rows of a chunk.
 * The Adler-32 checksum is verified when the stream ends exactly where the output does and the
 * checksum is present, as zlib does.
 *
 * <p>One decoder holds the tables of one decode at a time; {@link DeflateCodec} pools them.
 */
final class ZlibDecoder {
    private static final int LITLEN_MASK = (1 << HuffmanTable.LITLEN_ROOT) - 1;
    private static final int DIST_MASK = (1 << HuffmanTable.DIST_ROOT) - 1;
    /** The output the fast loop keeps free: a longest match, 258 bytes, and the 7 its last step may over-write. */
    private static final int FAST_ROOM = 258 + 8;

    /** A flaw in the stream, described without the caller's context; {@link DeflateCodec} adds it. */
    static final class Corrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message, null, false, false);
        }
    }

    /** The stream ended, or its input did, before the output was full; the message says where. */
    static final class TooShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooShort(String where) {
            super(where, null, false, false);
        }
    }

    private final BitInput in = new BitInput();
    private final BlockCodes dynamic = new BlockCodes();
    private byte[] out;
    /** Where the output ends: the decoder writes {@code out[0, outEnd)} and nothing past it. */
    private int outEnd;
    private int op;

    /**
     * Fills {@code out[0, outLength)} from the zlib stream {@code src[off, off+len)}.
     *
     * @throws Corrupt if the stream is not valid zlib data
     * @throws TooShort if it holds fewer than {@code outLength} bytes; {@link #decoded} says how many
     */
    void decode(byte[] src, int off, int len, byte[] out, int outLength) {
        this.out = out;
        this.outEnd = outLength;
        this.op = 0;
        try {
            readHeader(src, off, len);
            in.start(src, off + 2, off + len);
            boolean last;
            do {
                int header = in.take(3);
                last = (header & 1) != 0;
                boolean ended = switch (header >>> 1) {
                    case 0 -> copyStored();
                    case 1 -> decodeSymbols(BlockCodes.FIXED.litLen, BlockCodes.FIXED.dist);
                    case 2 -> {
                        dynamic.readDynamic(in);
                        yield decodeSymbols(dynamic.litLen, dynamic.dist);
                    }
                    default -> throw new Corrupt("invalid block type 3");
                };
                if (!ended) {
                    // The output is full within a block: what follows is more than the caller wants.
                    return;
                }
            } while (!last);
            if (op < outEnd) {
                throw new TooShort("at the end of the stream");
            }
            checkAdler32();
        } finally {
            in.src = null;
            this.out = null;
        }
    }

    /** How many bytes the last decode produced, also when it failed. */
    int decoded() {
        return op;
    }

    private static void readHeader(byte[] src, int off, int len) {
        if (len < 2) {
            throw new TooShort("after all " + len + " input bytes, before the end of the zlib header");
        }
        int cmf = src[off] & 0xFF;
        int flg = src[off + 1] & 0xFF;
        if ((cmf & 0x0F) != 8) {
            throw new Corrupt("unknown compression method " + (cmf & 0x0F) + " (expected 8, deflate)");
        }
        if (cmf >>> 4 > 7) {
            throw new Corrupt("invalid window size " + (cmf >>> 4) + " (expected at most 7)");
        }
        if ((cmf << 8 | flg) % 31 != 0) {
            throw new Corrupt("incorrect header check");
        }
        if ((flg & 0x20) != 0) {
            throw new Corrupt("the stream asks for a preset dictionary, which TIFF never uses");
        }
    }

    /** Verifies the Adler-32 of the output against the four bytes after the last block, if present. */
    private void checkAdler32() {
        int pos = in.bytePosition();
        if (pos + 4 > in.end) {
            return;
        }
        byte[] src = in.src;
        int stated = (src[pos] & 0xFF) << 24 | (src[pos + 1] & 0xFF) << 16 | (src[pos + 2] & 0xFF) << 8
                | src[pos + 3] & 0xFF;
        int actual = Adler32Sum.of(out, 0, outEnd);
        if (stated != actual) {
            throw new Corrupt(String.format("incorrect data check: the stream says Adler-32 %08x, the data gives %08x",
                    stated, actual));
        }
    }

    /** Copies a stored block; false if the output filled before its end. */
    private boolean copyStored() {
        int pos = in.bytePosition();
        byte[] src = in.src;
        if (pos + 4 > in.end) {
            throw new TooShort("after all input bytes, in the length of a stored block");
        }
        int n = (src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8;
        int complement = (src[pos + 2] & 0xFF) | (src[pos + 3] & 0xFF) << 8;
        if (n != (~complement & 0xFFFF)) {
            throw new Corrupt("stored block length " + n + " does not match its complement " + complement);
        }
        pos += 4;
        int copied = Math.min(n, Math.min(outEnd - op, in.end - pos));
        System.arraycopy(src, pos, out, op, copied);
        op += copied;
        in.moveTo(pos + copied);
        if (copied == n) {
            return true;
        }
        if (op == outEnd) {
            return false;
        }
        throw new TooShort("after all input bytes, within a stored block");
    }

    /**
     * Decodes the symbols of a Huffman-coded block until its end-of-block code (then true) or until
     * the output is full and the next symbol is not the end of the block (then false): quickly while
     * far from the ends of input and output, then one checked symbol at a time.
     */
    private boolean decodeSymbols(int[] lit, int[] dst) {
        if (decodeFast(lit, dst)) {
            return true;
        }
        while (true) {
            in.need(56);
            if (op >= outEnd) {
                return endsHere(lit);
            }
            int e = lookUp(lit, LITLEN_MASK, HuffmanTable.LITLEN_ROOT);
            if (e < 0) {
                in.drop(e & 0xFF);
                out[op++] = (byte) (e >>> 8);
                continue;
            }
            if ((e & END) != 0) {
                in.drop(e & 0xFF);
                return true;
            }
            if ((e & INVALID) != 0) {
                throw new Corrupt("invalid literal/length code");
            }
            int length = (e >>> 8 & 0xFFFF) + extraBits(in.bits, e);
            in.drop(e & 0xFF);
            e = lookUp(dst, DIST_MASK, HuffmanTable.DIST_ROOT);
            if ((e & INVALID) != 0) {
                throw new Corrupt("invalid distance code");
            }
            int distance = (e >>> 8 & 0xFFFF) + extraBits(in.bits, e);
            in.drop(e & 0xFF);
            if (distance > op) {
                throw tooFarBack(distance, op);
            }
            int copied = Math.min(length, outEnd - op);
            int from = op - distance;
            for (int k = 0; k < copied; k++) {
                out[op + k] = out[from + k];
            }
            op += copied;
            if (copied < length) {
                // The output ends within the match: the stream holds more than the caller wants.
                in.checkWithinInput();
                return false;
            }
        }
    }

    /** The extra bits that follow, in {@code b}, the code of a length or distance entry. */
    private static int extraBits(long b, int e) {
        int extra = e >>> 24 & 0xF;
        return (int) (b >>> ((e & 0xFF) - extra)) & ((1 << extra) - 1);
    }

    /** The entry for the next code in the buffer, following a link to a sub-table (whose root bits it drops). */
    private int lookUp(int[] table, int mask, int rootBits) {
        int e = table[(int) in.bits & mask];
        if ((e & LINK) != 0) {
            in.drop(rootBits);
            e = table[(e >>> 8 & 0xFFFF) + ((int) in.bits & ((1 << (e >>> 24 & 0xF)) - 1))];
        }
        return e;
    }

    /**
     * Decodes symbols while at least 8 input bytes and {@value #FAST_ROOM} bytes of output remain,
     * so that neither needs a check: true at the end of the block, false on leaving that zone.
     *
     * <p>The state lives in locals here, written back on the way out. Each turn starts with at least
     * 56 bits in the buffer, enough for a length code with its extra bits and a distance code with
     * its extra bits (15 + 5 + 15 + 13), and with the table entry of the next code already looked
     * up: each symbol looks up the entry of the one after it before refilling the buffer and
     * copying its match, so that the lookup does not wait for either. Matches are copied eight
     * bytes at a time, over-writing up to seven bytes past their end that later symbols
     * overwrite: most matches in predicted imagery are 3 to 8 bytes long, one step.
     */
    private boolean decodeFast(int[] lit, int[] dst) {
        final byte[] s = in.src;
        final byte[] o = out;
        final int inLimit = in.end - 8;
        final int outLimit = outEnd - FAST_ROOM;
        // Implied by outLimit, since outEnd <= o.length, but tested too: with the loop bounded by
        // the array's own length the JIT compiles it tighter (window reads of 1024² took 15 to 20 %
        // more CPU without this test once the output array could be longer than the output).
        final int arrayLimit = o.length - FAST_ROOM;
        long b = in.bits;
        int n = in.count;
        int i = in.ip;
        int p = op;
        try {
            if (i > inLimit || p > outLimit) {
                return false;
            }
            b |= (long) LONGS.get(s, i) << n;
            i += (63 - n) >>> 3;
            n |= 56;
            int e = lit[(int) b & LITLEN_MASK];
            // One test of three limits (a sign bit survives the ORs when any is crossed): a branch
            // taken at the end of every chunk, which the JIT compiles as such. Three tests, of which
            // the input's is rarely the one crossed, made it recompile the loop during window reads.
            while (((inLimit - i) | (outLimit - p) | (arrayLimit - p)) >= 0) {
                // Here the buffer holds at least 56 bits and e is the entry of the next code.
                if (e < 0) {
                    b >>>= e;
                    n -= e & 0xFF;
                    o[p++] = (byte) (e >>> 8);
                    e = lit[(int) b & LITLEN_MASK];
                    b |= (long) LONGS.get(s, i) << n;
                    i += (63 - n) >>> 3;
                    n |= 56;
                    continue;
                }
                if ((e & LINK) != 0) {
                    b >>>= e;
                    n -= e & 0xFF;
                    e = lit[(e >>> 8 & 0xFFFF) + ((int) b & ((1 << (e >>> 24 & 0xF)) - 1))];
                    if (e < 0) {
                        b >>>= e;
                        n -= e & 0xFF;
                        o[p++] = (byte) (e >>> 8);
                        b |= (long) LONGS.get(s, i) << n;
                        i += (63 - n) >>> 3;
                        n |= 56;
                        e = lit[(int) b & LITLEN_MASK];
                        continue;
                    }
                }
                if ((e & (END | INVALID)) != 0) {
                    b >>>= e;
                    n -= e & 0xFF;
                    if ((e & END) != 0) {
                        return true;
                    }
                    throw new Corrupt("invalid literal/length code");
                }
                int length = (e >>> 8 & 0xFFFF) + extraBits(b, e);
                b >>>= e;
                n -= e & 0xFF;

                e = dst[(int) b & DIST_MASK];
                if ((e & LINK) != 0) {
                    b >>>= e;
                    n -= e & 0xFF;
                    e = dst[(e >>> 8 & 0xFFFF) + ((int) b & ((1 << (e >>> 24 & 0xF)) - 1))];
                }
                if ((e & INVALID) != 0) {
                    throw new Corrupt("invalid distance code");
                }
                int distance = (e >>> 8 & 0xFFFF) + extraBits(b, e);
                b >>>= e;
                n -= e & 0xFF;
                b |= (long) LONGS.get(s, i) << n;
                i += (63 - n) >>> 3;
                n |= 56;
                e = lit[(int) b & LITLEN_MASK];
                int from = p - distance;
                if (from < 0) {
                    throw tooFarBack(distance, p);
                }
                if (distance >= 8) {
                    int k = 0;
                    do {
                        LONGS.set(o, p + k, (long) LONGS.get(o, from + k));
                        k += 8;
                    } while (k < length);
                } else {
                    copyNear(o, from, p, length);
                }
                p += length;
            }
            return false;
        } finally {
            in.bits = b;
            in.count = n;
            in.ip = i;
            op = p;
        }
    }

    /** Copies a match whose distance is under 8 bytes, the source overlapping the copy if shorter than it. */
    private static void copyNear(byte[] o, int from, int p, int length) {
        if (from == p - 1) {
            Arrays.fill(o, p, p + length, o[from]);
        } else {
            for (int k = 0; k < length; k++) {
                o[p + k] = o[from + k];
            }
        }
    }

    private static Corrupt tooFarBack(int distance, int decoded) {
        return new Corrupt("distance " + distance + " too far back, " + decoded + " bytes into the output");
    }

    /**
     * With the output full: whether the next symbol ends the block (then consumed), so that the
     * stream may end here and its checksum be verified. Refuses output made from bits past the end
     * of the input.
     */
    private boolean endsHere(int[] lit) {
        in.checkWithinInput();
        long bits = in.bits;
        int e = lit[(int) bits & LITLEN_MASK];
        if ((e & LINK) != 0) {
            e = lit[(e >>> 8 & 0xFFFF) + ((int) (bits >>> (e & 0xFF)) & ((1 << (e >>> 24 & 0xF)) - 1))];
            if ((e & END) != 0) {
                in.drop(HuffmanTable.LITLEN_ROOT);
            }
        }
        if ((e & END) == 0) {
            return false;
        }
        in.drop(e & 0xFF);
        return true;
    }
}
