package org.cogcube.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Merges the ranges of a call that lie close together into fewer, larger reads of the reader it
 * wraps, then slices each range back out: a few wasted bytes cost less than a round trip. Ranges
 * are merged when less than {@code maxGap} bytes apart, and never into a read longer than
 * {@code maxMergedLength} (a single longer range is read whole).
 */
public final class CoalescingRangeReader extends ForwardingRangeReader {
    private final long maxGap;
    private final long maxMergedLength;

    /**
     * @param inner the reader to read through
     * @param maxGap the largest gap, in bytes, read through to merge two ranges
     * @param maxMergedLength the longest read, in bytes, that merging may produce
     */
    public CoalescingRangeReader(RangeReader inner, long maxGap, long maxMergedLength) {
        super(inner);
        if (maxGap < 0 || maxMergedLength < 1) {
            throw new IllegalArgumentException("expected maxGap >= 0 and maxMergedLength >= 1, found "
                    + maxGap + " and " + maxMergedLength);
        }
        this.maxGap = maxGap;
        this.maxMergedLength = maxMergedLength;
    }


    @Override
    public CompletableFuture<List<ByteBuffer>> read(List<ByteRange> ranges) {
        if (ranges.size() <= 1) {
            return inner.read(ranges);
        }
        CoalescePlan plan = CoalescePlan.of(ranges, maxGap, maxMergedLength);
        if (plan.reads().size() == ranges.size()) {
            return inner.read(ranges);
        }
        return inner.read(plan.reads()).thenApply(buffers -> plan.split(buffers, location()));
    }

    /** Each range completes when the merged read that holds it does. */
    @Override
    public List<CompletableFuture<ByteBuffer>> readEach(List<ByteRange> ranges) {
        CoalescePlan plan = CoalescePlan.of(ranges, maxGap, maxMergedLength);
        if (plan.reads().size() == ranges.size()) {
            return inner.readEach(ranges);
        }
        List<CompletableFuture<ByteBuffer>> reads = inner.readEach(plan.reads());
        List<CompletableFuture<ByteBuffer>> each = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            int index = i;
            each.add(reads.get(plan.readOf(i)).thenApply(buffer -> plan.slice(index, buffer, location())));
        }
        return each;
    }




    @Override
    public String toString() {
        return "Coalescing[gap " + maxGap + ", max " + maxMergedLength + "](" + inner + ")";
    }
}
