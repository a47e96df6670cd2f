package org.cogcube.io;

/** The test double under the decorators' tests keeps the contract too. */
class MemoryRangeReaderTest extends RangeReaderContractTest {
    @Override
    protected RangeReader create(byte[] content) {
        return new MemoryRangeReader("memory:test", content);
    }
}
