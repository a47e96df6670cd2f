package org.cogcube.tiff.codec;

import java.util.Arrays;

/**
 * Builds the canonical Huffman codes of a deflate block from symbol frequencies: code lengths
 * limited to a maximum (15 bits for literal/length and distance codes, 7 for the code-length
 * code), then the codes themselves, bit-reversed because deflate sends Huffman codes most
 * significant bit first into a stream that is otherwise read least significant bit first.
 *
 * <p>Every code built here is complete (its Kraft sum is exactly one) and has at least two
 * symbols: zlib's inflater refuses incomplete codes, and a one-symbol code has no complete form.
 */
final class HuffmanCodeBuilder {
    /** Frequencies are packed with the symbol into one sortable int: frequency above, symbol below. */
    private static final int SYMBOL_BITS = 9;
    private static final int SYMBOL_MASK = (1 << SYMBOL_BITS) - 1;

    private final int[] keys = new int[512];
    private final int[] weight = new int[1024];
    private final int[] parent = new int[1024];
    private final int[] count = new int[16];

    /**
     * Fills {@code lengths[0, n)} with code lengths of at most {@code maxLength} bits for
     * {@code freq[0, n)}, near-optimal for those frequencies; unused symbols get 0, except that
     * at least two symbols always get a code.
     */
    void lengths(int[] freq, int n, int maxLength, byte[] lengths) {
        int used = 0;
        for (int s = 0; s < n; s++) {
            if (freq[s] != 0) {
                keys[used++] = Math.min(freq[s], (1 << (31 - SYMBOL_BITS)) - 1) << SYMBOL_BITS | s;
            }
        }
        for (int s = 0; used < 2; s++) {
            if (freq[s] == 0) {
                keys[used++] = s; // a symbol of frequency 0, to make the code complete
            }
        }
        Arrays.fill(lengths, 0, n, (byte) 0);
        Arrays.sort(keys, 0, used);
        treeDepths(used);
        limit(used, maxLength);
        // The rarest symbols take the longest codes.
        int k = 0;
        for (int len = maxLength; len > 0; len--) {
            for (int c = count[len]; c > 0; c--) {
                lengths[keys[k++] & SYMBOL_MASK] = (byte) len;
            }
        }
    }

    /** Leaves the depth of each sorted leaf's Huffman tree node in {@code weight[0, used)}. */
    private void treeDepths(int used) {
        for (int i = 0; i < used; i++) {
            weight[i] = keys[i] >>> SYMBOL_BITS;
        }
        // Two queues: the sorted leaves [0, used) and the internal nodes in order of creation, whose
        // weights never decrease.
        int leaf = 0;
        int inner = used;
        for (int next = used; next < 2 * used - 1; next++) {
            int a = (leaf < used && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            int b = (leaf < used && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
        }
        int root = 2 * used - 2;
        weight[root] = 0;
        for (int i = root - 1; i >= 0; i--) {
            weight[i] = weight[parent[i]] + 1; // a parent was made after its children
        }
    }

    /**
     * Counts the leaves of each depth into {@code count}, deepening codes shorter than the maximum
     * to make room for those cut to it, so that the Kraft sum stays exactly one.
     */
    private void limit(int used, int maxLength) {
        Arrays.fill(count, 0);
        for (int i = 0; i < used; i++) {
            count[Math.min(weight[i], maxLength)]++;
        }
        long capacity = 1L << maxLength;
        long kraft = 0;
        for (int len = 1; len <= maxLength; len++) {
            kraft += (long) count[len] << (maxLength - len);
        }
        while (kraft > capacity) {
            int len = maxLength - 1;
            while (count[len] == 0) {
                len--;
            }
            count[len]--;
            count[len + 1]++;
            kraft -= 1L << (maxLength - len - 1);
        }
        while (kraft < capacity) {
            int len = maxLength;
            while (count[len] == 0) {
                len--;
            }
            count[len]--;
            count[len - 1]++;
            kraft += 1L << (maxLength - len);
        }
    }

    /** The canonical code of each symbol for {@code lengths[0, n)}, bit-reversed for sending. */
    static void codes(byte[] lengths, int n, int[] codes) {
        int[] lenCount = new int[16];
        for (int s = 0; s < n; s++) {
            lenCount[lengths[s]]++;
        }
        lenCount[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int len = 1; len < 16; len++) {
            code = (code + lenCount[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            codes[s] = len == 0 ? 0 : Integer.reverse(next[len]++) >>> (32 - len);
        }
    }
}
