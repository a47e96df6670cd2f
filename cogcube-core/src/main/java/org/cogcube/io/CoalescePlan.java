package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which reads serve which ranges: ranges closer than a gap merged into one read, never a merged
 * read longer than a maximum (a single longer range stays whole). Pure arithmetic.
 */
final class CoalescePlan {
    private final List<ByteRange> asked;
    private final List<ByteRange> reads;
    private final int[] readOf;

    private CoalescePlan(List<ByteRange> asked, List<ByteRange> reads, int[] readOf) {
        this.asked = asked;
        this.reads = reads;
        this.readOf = readOf;
    }

    /** The plan for {@code ranges}: merges ranges less than {@code maxGap} bytes apart, up to {@code maxLength}. */
    static CoalescePlan of(List<ByteRange> ranges, long maxGap, long maxLength) {
        Integer[] order = new Integer[ranges.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing(ranges::get));
        List<ByteRange> reads = new ArrayList<>();
        int[] readOf = new int[ranges.size()];
        long start = -1;
        long end = -1;
        for (int index : order) {
            ByteRange r = ranges.get(index);
            long mergedEnd = Math.max(end, r.end());
            if (start >= 0 && r.offset() - end <= maxGap && mergedEnd - start <= maxLength) {
                end = mergedEnd;
            } else {
                if (start >= 0) {
                    reads.add(new ByteRange(start, end - start));
                }
                start = r.offset();
                end = r.end();
            }
            readOf[index] = reads.size();
        }
        if (start >= 0) {
            reads.add(new ByteRange(start, end - start));
        }
        return new CoalescePlan(List.copyOf(ranges), List.copyOf(reads), readOf);
    }

    /** The reads to make, sorted by offset. */
    List<ByteRange> reads() {
        return reads;
    }

    /** The index, in {@link #reads()}, of the read that serves asked range {@code index}. */
    int readOf(int index) {
        return readOf[index];
    }

    /**
     * The ranges asked for, sliced out of the buffers the reads gave (cut at the end of the source as
     * the reads were); a range starting past that end fails as the contract says.
     */
    List<ByteBuffer> split(List<ByteBuffer> readBuffers, String location) {
        List<ByteBuffer> out = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            out.add(slice(i, readBuffers.get(readOf[i]), location));
        }
        return out;
    }

    /** Asked range {@code index}, sliced out of the buffer its read gave; see {@link #split}. */
    ByteBuffer slice(int index, ByteBuffer buffer, String location) {
        ByteRange range = asked.get(index);
        ByteRange read = reads.get(readOf[index]);
        long available = buffer.remaining();
        long from = range.offset() - read.offset();
        if (available < read.length() && Ranges.startsPastEnd(new ByteRange(from, range.length()), available)) {
            throw Ranges.pastEnd(location, range, read.offset() + available);
        }
        int length = (int) Math.min(range.length(), available - from);
        return buffer.slice(buffer.position() + (int) from, length);
    }
}
