package org.cogcube.tiff.codec;

import static org.cogcube.tiff.codec.HuffmanTable.END;
import static org.cogcube.tiff.codec.HuffmanTable.INVALID;
import static org.cogcube.tiff.codec.HuffmanTable.LINK;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * Decodes a zlib stream (RFC 1950) wrapping deflate data (RFC 1951) into an output array of the
 * length the caller expects, and stops there: the reader often needs only the first rows of a chunk.
 * The Adler-32 checksum is verified when the stream ends exactly where the output does and the
 * checksum is present, as zlib does.
 *
 * <p>One decoder holds the scratch tables of one decode at a time; {@link DeflateCodec} pools them.
 *
 * <p>Input bits are read through a 64-bit buffer, {@code bits}, holding {@code bitCount} unread bits
 * in its low end; the bits above them are either zero or the correct next input bits, so refilling
 * can OR in eight bytes at a time and advance only by the whole bytes that fit. Past the end of the
 * input the buffer fills with zeros, counted by {@code ip} running past {@code inEnd}; output made
 * from those zeros is refused as a truncated stream.
 */
final class ZlibDecoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int LITLEN_MASK = (1 << HuffmanTable.LITLEN_ROOT) - 1;
    private static final int DIST_MASK = (1 << HuffmanTable.DIST_ROOT) - 1;
    /** The output the fast loop keeps free: a longest match, 258 bytes, and the 7 its last step may over-write. */
    private static final int FAST_ROOM = 258 + 8;
    private static final int[] CODELEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final int[] FIXED_LITLEN = new int[HuffmanTable.LITLEN_SIZE];
    private static final int[] FIXED_DIST = new int[HuffmanTable.DIST_SIZE];

    static {
        int[] lengths = new int[288 + 32];
        Arrays.fill(lengths, 0, 144, 8);
        Arrays.fill(lengths, 144, 256, 9);
        Arrays.fill(lengths, 256, 280, 7);
        Arrays.fill(lengths, 280, 288, 8);
        Arrays.fill(lengths, 288, 320, 5);
        HuffmanTable.Scratch scratch = new HuffmanTable.Scratch();
        HuffmanTable.build(FIXED_LITLEN, HuffmanTable.LITLEN_ROOT, lengths, 0, 288, HuffmanTable.LITLEN_SYMBOLS,
                HuffmanTable.Kind.SYMBOLS, scratch);
        HuffmanTable.build(FIXED_DIST, HuffmanTable.DIST_ROOT, lengths, 288, 32, HuffmanTable.DIST_SYMBOLS,
                HuffmanTable.Kind.DISTANCES, scratch);
    }

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
        final int decoded;

        TooShort(int decoded, String where) {
            super(where, null, false, false);
            this.decoded = decoded;
        }
    }

    private final int[] litLen = new int[HuffmanTable.LITLEN_SIZE];
    private final int[] dist = new int[HuffmanTable.DIST_SIZE];
    private final int[] codeLen = new int[HuffmanTable.CODELEN_SIZE];
    private final int[] lengths = new int[286 + 30];
    private final HuffmanTable.Scratch scratch = new HuffmanTable.Scratch();

    private byte[] src;
    private int ip;
    private int inEnd;
    private long bits;
    private int bitCount;
    private byte[] out;
    private int op;

    /**
     * Fills {@code out} from the zlib stream {@code src[off, off+len)}.
     *
     * @throws Corrupt if the stream is not valid zlib data
     * @throws TooShort if it holds fewer than {@code out.length} bytes
     */
    void decode(byte[] src, int off, int len, byte[] out) {
        this.src = src;
        this.out = out;
        this.op = 0;
        this.inEnd = off + len;
        this.bits = 0;
        this.bitCount = 0;
        try {
            readHeader(off, len);
            this.ip = off + 2;
            boolean last;
            do {
                need(3);
                int header = (int) bits & 7;
                drop(3);
                last = (header & 1) != 0;
                boolean ended = switch (header >>> 1) {
                    case 0 -> copyStored();
                    case 1 -> decodeSymbols(FIXED_LITLEN, FIXED_DIST);
                    case 2 -> {
                        readDynamicTables();
                        yield decodeSymbols(litLen, dist);
                    }
                    default -> throw new Corrupt("invalid block type 3");
                };
                if (!ended) {
                    // The output is full within a block: what follows is more than the caller wants.
                    return;
                }
            } while (!last);
            if (op < out.length) {
                throw new TooShort(op, "at the end of the stream");
            }
            checkAdler32();
        } finally {
            this.src = null;
            this.out = null;
        }
    }

    private void readHeader(int off, int len) {
        if (len < 2) {
            throw new TooShort(0, "after all " + len + " input bytes, before the end of the zlib header");
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
        int pos = ip - (bitCount >>> 3);
        if (pos + 4 > inEnd) {
            return;
        }
        int stated = (src[pos] & 0xFF) << 24 | (src[pos + 1] & 0xFF) << 16 | (src[pos + 2] & 0xFF) << 8
                | src[pos + 3] & 0xFF;
        // The JDK's Adler-32 runs at several GB/s, an order of magnitude above decoding.
        Adler32 adler = new Adler32();
        adler.update(out, 0, out.length);
        int actual = (int) adler.getValue();
        if (stated != actual) {
            throw new Corrupt(String.format("incorrect data check: the stream says Adler-32 %08x, the data gives %08x",
                    stated, actual));
        }
    }

    /** Makes at least {@code n} (at most 56) bits available in the buffer. */
    private void need(int n) {
        if (bitCount >= n) {
            return;
        }
        if (ip <= inEnd - 8) {
            bits |= (long) LONGS.get(src, ip) << bitCount;
            ip += (63 - bitCount) >>> 3;
            bitCount |= 56;
        } else {
            refillSlowly();
        }
    }

    private void refillSlowly() {
        while (bitCount < 56) {
            bits |= (long) (ip < inEnd ? src[ip] & 0xFF : 0) << bitCount;
            ip++;
            bitCount += 8;
        }
        if (ip - inEnd > 8) {
            throw new TooShort(op, "after all input bytes, before the end of the stream");
        }
    }

    /** Refuses output decoded from the zeros read past the end of the input. */
    private void checkWithinInput() {
        if ((long) ip * 8 - bitCount > (long) inEnd * 8) {
            throw new TooShort(op, "after all input bytes, before the end of the stream");
        }
    }

    private void drop(int n) {
        bits >>>= n;
        bitCount -= n;
    }

    private int take(int n) {
        need(n);
        int v = (int) bits & ((1 << n) - 1);
        drop(n);
        return v;
    }

    /** Copies a stored block; false if the output filled before its end. */
    private boolean copyStored() {
        drop(bitCount & 7);
        int pos = ip - (bitCount >>> 3);
        bits = 0;
        bitCount = 0;
        if (pos + 4 > inEnd) {
            throw new TooShort(op, "after all input bytes, in the length of a stored block");
        }
        int n = (src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8;
        int complement = (src[pos + 2] & 0xFF) | (src[pos + 3] & 0xFF) << 8;
        if (n != (~complement & 0xFFFF)) {
            throw new Corrupt("stored block length " + n + " does not match its complement " + complement);
        }
        pos += 4;
        int copied = Math.min(n, Math.min(out.length - op, inEnd - pos));
        System.arraycopy(src, pos, out, op, copied);
        op += copied;
        ip = pos + copied;
        if (copied == n) {
            return true;
        }
        if (op == out.length) {
            return false;
        }
        throw new TooShort(op, "after all input bytes, within a stored block");
    }

    /** Reads the code lengths at the start of a dynamic block and builds its tables. */
    private void readDynamicTables() {
        need(14);
        int nLitLen = take(5) + 257;
        int nDist = take(5) + 1;
        int nCodeLen = take(4) + 4;
        if (nLitLen > 286 || nDist > 30) {
            throw new Corrupt("too many length or distance symbols: " + nLitLen + " and " + nDist
                    + " (at most 286 and 30)");
        }
        int[] lens = lengths;
        Arrays.fill(lens, 0, 19, 0);
        for (int i = 0; i < nCodeLen; i++) {
            lens[CODELEN_ORDER[i]] = take(3);
        }
        HuffmanTable.build(codeLen, HuffmanTable.CODELEN_ROOT, lens, 0, 19, HuffmanTable.CODELEN_SYMBOLS,
                HuffmanTable.Kind.CODE_LENGTHS, scratch);
        int n = nLitLen + nDist;
        int i = 0;
        while (i < n) {
            need(HuffmanTable.CODELEN_ROOT + 7);
            int e = codeLen[(int) bits & (HuffmanTable.CODELEN_SIZE - 1)];
            if ((e & INVALID) != 0) {
                throw new Corrupt("invalid code length code");
            }
            drop(e & 0xFF);
            int symbol = e >>> 8;
            if (symbol < 16) {
                lens[i++] = symbol;
                continue;
            }
            int value = 0;
            int repeat;
            if (symbol == 16) {
                if (i == 0) {
                    throw new Corrupt("a code length repeat with no length before it");
                }
                value = lens[i - 1];
                repeat = 3 + take(2);
            } else if (symbol == 17) {
                repeat = 3 + take(3);
            } else {
                repeat = 11 + take(7);
            }
            if (i + repeat > n) {
                throw new Corrupt("code lengths repeat past the " + n + " symbols");
            }
            Arrays.fill(lens, i, i + repeat, value);
            i += repeat;
        }
        if (lens[256] == 0) {
            throw new Corrupt("no end-of-block code");
        }
        HuffmanTable.build(litLen, HuffmanTable.LITLEN_ROOT, lens, 0, nLitLen, HuffmanTable.LITLEN_SYMBOLS,
                HuffmanTable.Kind.SYMBOLS, scratch);
        HuffmanTable.build(dist, HuffmanTable.DIST_ROOT, lens, nLitLen, nDist, HuffmanTable.DIST_SYMBOLS,
                HuffmanTable.Kind.DISTANCES, scratch);
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
            need(56);
            if (op >= out.length) {
                return endsHere(lit);
            }
            int e = lookUp(lit, LITLEN_MASK, HuffmanTable.LITLEN_ROOT);
            if (e < 0) {
                drop(e & 0xFF);
                out[op++] = (byte) (e >>> 8);
                continue;
            }
            if ((e & END) != 0) {
                drop(e & 0xFF);
                return true;
            }
            if ((e & INVALID) != 0) {
                throw new Corrupt("invalid literal/length code");
            }
            int length = (e >>> 8 & 0xFFFF) + extraBits(bits, e);
            drop(e & 0xFF);
            e = lookUp(dst, DIST_MASK, HuffmanTable.DIST_ROOT);
            if ((e & INVALID) != 0) {
                throw new Corrupt("invalid distance code");
            }
            int distance = (e >>> 8 & 0xFFFF) + extraBits(bits, e);
            drop(e & 0xFF);
            if (distance > op) {
                throw new Corrupt("distance " + distance + " too far back, " + op + " bytes into the output");
            }
            int copied = Math.min(length, out.length - op);
            int from = op - distance;
            for (int k = 0; k < copied; k++) {
                out[op + k] = out[from + k];
            }
            op += copied;
            if (copied < length) {
                // The output ends within the match: the stream holds more than the caller wants.
                checkWithinInput();
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
        int e = table[(int) bits & mask];
        if ((e & LINK) != 0) {
            drop(rootBits);
            e = table[(e >>> 8 & 0xFFFF) + ((int) bits & ((1 << (e >>> 24 & 0xF)) - 1))];
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
        final byte[] in = src;
        final byte[] o = out;
        final int inLimit = inEnd - 8;
        final int outLimit = o.length - FAST_ROOM;
        long b = bits;
        int n = bitCount;
        int i = ip;
        int p = op;
        try {
            if (i > inLimit || p > outLimit) {
                return false;
            }
            b |= (long) LONGS.get(in, i) << n;
            i += (63 - n) >>> 3;
            n |= 56;
            int e = lit[(int) b & LITLEN_MASK];
            while (i <= inLimit && p <= outLimit) {
                // Here the buffer holds at least 56 bits and e is the entry of the next code.
                if (e < 0) {
                    b >>>= e;
                    n -= e & 0xFF;
                    o[p++] = (byte) (e >>> 8);
                    e = lit[(int) b & LITLEN_MASK];
                    b |= (long) LONGS.get(in, i) << n;
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
                        b |= (long) LONGS.get(in, i) << n;
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
                b |= (long) LONGS.get(in, i) << n;
                i += (63 - n) >>> 3;
                n |= 56;
                e = lit[(int) b & LITLEN_MASK];
                int from = p - distance;
                if (from < 0) {
                    throw new Corrupt("distance " + distance + " too far back, " + p + " bytes into the output");
                }
                if (distance >= 8) {
                    int k = 0;
                    do {
                        LONGS.set(o, p + k, (long) LONGS.get(o, from + k));
                        k += 8;
                    } while (k < length);
                } else if (distance == 1) {
                    Arrays.fill(o, p, p + length, o[from]);
                } else {
                    for (int k = 0; k < length; k++) {
                        o[p + k] = o[from + k];
                    }
                }
                p += length;
            }
            return false;
        } finally {
            bits = b;
            bitCount = n;
            ip = i;
            op = p;
        }
    }

    /**
     * With the output full: whether the next symbol ends the block (then consumed), so that the
     * stream may end here and its checksum be verified. Refuses output made from bits past the end
     * of the input.
     */
    private boolean endsHere(int[] lit) {
        checkWithinInput();
        int e = lit[(int) bits & LITLEN_MASK];
        if ((e & LINK) != 0) {
            e = lit[(e >>> 8 & 0xFFFF) + ((int) (bits >>> (e & 0xFF)) & ((1 << (e >>> 24 & 0xF)) - 1))];
            if ((e & END) != 0) {
                drop(HuffmanTable.LITLEN_ROOT);
            }
        }
        if ((e & END) == 0) {
            return false;
        }
        drop(e & 0xFF);
        return true;
    }
}
