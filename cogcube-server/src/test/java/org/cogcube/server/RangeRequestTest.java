package org.cogcube.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeRequestTest {

    private static List<Span> spans(String header, long size) {
        return assertInstanceOf(RangeRequest.Partial.class, RangeRequest.parse(header, size)).spans();
    }

    @Test
    void readsClosedOpenAndSuffixRanges() {
        assertEquals(List.of(new Span(0, 99)), spans("bytes=0-99", 1000));
        assertEquals(List.of(new Span(900, 999)), spans("bytes=900-", 1000));
        assertEquals(List.of(new Span(990, 999)), spans("bytes=-10", 1000));
        assertEquals(List.of(new Span(0, 999)), spans("bytes=-5000", 1000));
        assertEquals(List.of(new Span(500, 999)), spans("bytes=500-99999", 1000));
        assertEquals(List.of(new Span(0, 0), new Span(10, 19), new Span(995, 999)),
                spans("Bytes = 0-0, 10-19 ,, -5", 1000));
    }

    @Test
    void dropsRangesPastTheEndAndAnswers416WhenNoneIsLeft() {
        assertEquals(List.of(new Span(0, 9)), spans("bytes=0-9,2000-3000", 1000));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=1000-", 1000));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=-0", 1000));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=0-", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-9", "bytes=9-0", "bytes=a-b", "bytes=0-9,x", "bytes=", "bytes=-", "bytes=5",
        "bytes=99999999999999999999-", "bytes=0-9;x", "0-9"})
    void ignoresWhatItCannotRead(String header) {
        assertInstanceOf(RangeRequest.Whole.class, RangeRequest.parse(header, 1000));
    }

    @Test
    void refusesTooManyOrOverlappingRanges() {
        StringBuilder many = new StringBuilder("bytes=0-0");
        for (int i = 1; i <= RangeRequest.MAX_SPANS; i++) {
            many.append(',').append(i).append('-').append(i);
        }
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse(many.toString(), 1000));
        assertInstanceOf(RangeRequest.Unsatisfiable.class, RangeRequest.parse("bytes=0-999,0-999", 1000));
        assertEquals(2, spans("bytes=0-9,5-14", 1000).size()); // a small overlap is served
    }

    @Test
    void writesContentRange() {
        assertEquals("bytes 0-99/1000", new Span(0, 99).contentRange(1000));
    }
}
